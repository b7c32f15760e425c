package org.glorotsweep.core.data.shapeset;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.testing.HandRunBench;
import org.glorotsweep.core.testing.JmhBench;
import org.glorotsweep.core.train.TrialRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * What generating online Shapeset-3x2 training data costs next to training on it (JMH): the time to generate
 * one mini-batch of 10 fresh examples, against one SGD step of the paper's 1024-1000x5-9 tanh network
 * (float32, batch 10, the fastest kernel) on such a batch; {@link #main} prints both and their ratio (the
 * bound the data set was built to is 5%).
 *
 * <p>Not a test: run it by hand from the repository root (see the README's performance section):
 *
 * <pre>
 *   mvn -q -B -o test-compile dependency:build-classpath -pl trainer-core -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp "$(cat /tmp/cp.txt):trainer-core/target/classes:trainer-core/target/test-classes" \
 *       org.glorotsweep.core.data.shapeset.ShapesetCostBench [JMH options, e.g. -f 3]
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShapesetCostBench extends HandRunBench {
  private static final int BATCH = 10;
  private static final NetworkSpec PAPER_NETWORK =
      NetworkSpec.uniform(1024, 5, 1000, 9, Activation.TANH, Initializer.NORMALIZED);

  private TrainingStream stream;
  private Propagation<?> sgd;
  private final float[] features = new float[BATCH * PAPER_NETWORK.inputSize()];
  private final int[] labels = new int[BATCH];

  /** Loads Shapeset, opens its training stream and initialises the network. */
  @Setup
  public void setUp() throws IOException {
    TrialRandom random = new TrialRandom(1);
    stream = DatasetCatalog.local().load(DataSpec.named("shapeset")).trainingStream(random.dataOrder());
    sgd = propagation(KernelChoice.float32(), random);
    stream.nextBatch(BATCH, features, labels);
  }

  private static <M extends ReshapeMatrix> Propagation<M> propagation(Kernels<M> kernels, TrialRandom random) {
    Network<M> network = Network.initialize(PAPER_NETWORK, kernels, random.initialization());
    return new Propagation<>(network, new Workspace<>(PAPER_NETWORK, kernels, BATCH));
  }

  /** Generates a batch of 10 fresh examples. */
  @Benchmark
  public int generateBatch() {
    return stream.nextBatch(BATCH, features, labels);
  }

  /** One SGD step (forward, cost, fused back-propagation and update) on the last batch generated. */
  @Benchmark
  public void sgdStep() {
    sgd.forward(features, BATCH);
    sgd.cost(Cost.NLL, labels);
    sgd.backwardAndUpdate(0.01);
  }

  /** Runs both benchmarks and prints generation / step. Arguments: JMH's options. */
  public static void main(String[] args) throws Exception {
    Map<String, JmhBench.Score> scores = JmhBench.run(ShapesetCostBench.class, args);
    JmhBench.Score generate = scores.get("generateBatch");
    JmhBench.Score step = scores.get("sgdStep");
    System.out.printf("generate a batch of %d Shapeset examples: %s%n", BATCH, generate.describe());
    System.out.printf("one SGD step of 1024-1000x5-9, batch %d:   %s%n", BATCH, step.describe());
    System.out.printf(Locale.ROOT, "generation / step = %.2f%% (bound: 5%%)%n", 100 * generate.median() / step.median());
  }
}
