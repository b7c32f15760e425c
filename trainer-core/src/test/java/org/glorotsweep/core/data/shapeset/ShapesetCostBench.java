package org.glorotsweep.core.data.shapeset;

import java.io.IOException;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.testing.Timing;
import org.glorotsweep.core.train.TrialRandom;

/**
 * What generating online Shapeset-3x2 training data costs next to training on it: the median time to
 * generate one mini-batch of 10 fresh examples, against the median time of one SGD step of the paper's
 * 1024-1000x5-9 tanh network (float32, batch 10) on such batches, measured in the same run; prints both and
 * their ratio (the bound is 5%).
 *
 * <p>Not a test: run it by hand from the repository root (see the README's performance section):
 *
 * <pre>
 *   mvn -q -B -o test-compile -pl trainer-core
 *   mvn -q -B -o dependency:build-classpath -pl trainer-core -Dmdep.outputFile=/tmp/cp.txt
 *   java --add-modules=jdk.incubator.vector \
 *       -cp "$(cat /tmp/cp.txt):trainer-core/target/classes:trainer-core/target/test-classes" \
 *       org.glorotsweep.core.data.shapeset.ShapesetCostBench [samples]
 * </pre>
 */
public final class ShapesetCostBench {
  private static final int BATCH = 10;

  private ShapesetCostBench() {}

  /** Argument: the number of samples per median (default 7). */
  public static void main(String[] args) throws IOException {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Dataset shapeset = DatasetCatalog.local().load(DataSpec.named("shapeset"));
    measure(KernelChoice.float32(), shapeset, samples);
  }

  private static <M extends ReshapeMatrix> void measure(Kernels<M> kernels, Dataset shapeset, int samples) {
    NetworkSpec spec = NetworkSpec.uniform(1024, 5, 1000, 9, Activation.TANH, Initializer.NORMALIZED);
    TrialRandom random = new TrialRandom(1);
    Network<M> network = Network.initialize(spec, kernels, random.initialization());
    Propagation<M> sgd = new Propagation<>(network, new Workspace<>(spec, kernels, BATCH));
    TrainingStream stream = shapeset.trainingStream(random.dataOrder());
    float[] features = new float[BATCH * spec.inputSize()];
    int[] labels = new int[BATCH];

    double generate = Timing.median(samples, 2000, () -> stream.nextBatch(BATCH, features, labels));
    double step = Timing.median(samples, 20, () -> {
      sgd.forward(features, BATCH);
      sgd.cost(Cost.NLL, labels);
      sgd.backwardAndUpdate(0.01);
    });
    System.out.printf("kernel %s, float32, %d samples per median%n", kernels.matMul().name(), samples);
    System.out.printf("  generate a batch of %d Shapeset examples %10.1f us%n", BATCH, generate * 1e6);
    System.out.printf("  one SGD step of 1024-1000x5-9, batch %d   %10.1f us%n", BATCH, step * 1e6);
    System.out.printf("  generation / step = %.2f%% (bound: 5%%)%n", 100 * generate / step);
  }
}
