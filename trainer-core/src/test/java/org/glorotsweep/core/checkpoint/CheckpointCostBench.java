package org.glorotsweep.core.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.Evaluation;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.HandRunBench;
import org.glorotsweep.core.testing.JmhBench;
import org.glorotsweep.core.train.TrainingProgress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What a checkpoint of the paper's network (1024-1000x5-9, 5.04 million parameters) costs, measured with JMH:
 * snapshotting the network and writing the checkpoint to a local file (what a trial pauses for), and reading
 * and verifying it back. {@link #main} prints them with the checkpoint's size against the weights' and the
 * fraction of a trial's wall time at the default interval (write time over 30 minutes).
 *
 * <p>Not a test: run it by hand, from the repository root, with the class path built as in {@code
 * ShapesetCostBench}:
 *
 * <pre>
 *   java -cp "$(cat /tmp/cp.txt):trainer-core/target/classes:trainer-core/target/test-classes" \
 *       org.glorotsweep.core.checkpoint.CheckpointCostBench [JMH options, e.g. -p precision=float64 -p directory=DIR]
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckpointCostBench extends HandRunBench {
  private static final double DEFAULT_INTERVAL_SECONDS = 30 * 60;
  private static final NetworkSpec PAPER_NETWORK =
      new NetworkSpec(1024, List.of(1000, 1000, 1000, 1000, 1000), 9, Activation.TANH, Initializer.NORMALIZED, 1.0);

  /** The precision of the network, its kernels and its checkpoint. */
  @Param("float32")
  public String precision;

  /** Where the checkpoint file is written. */
  @Param("/tmp")
  public String directory;

  private Checkpoints<?> checkpoints;
  private Path file;

  /** Builds the network and writes one checkpoint, so that reading has a file from the start. */
  @Setup
  public void setUp() throws IOException {
    Precision p = Precision.fromConfigName(precision);
    file = Files.createTempFile(Path.of(directory), "bench", ".ckpt");
    checkpoints = new Checkpoints<>(KernelChoice.forPrecision(p), p);
    write();
  }

  /** Removes the checkpoint file. */
  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Snapshots the network and writes a checkpoint of it. */
  @Benchmark
  public void write() throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      CheckpointFormat.write(checkpoints.snapshot(), checkpoints.precision, out);
    }
  }

  /** Reads the checkpoint back, checking its digest and identity. */
  @Benchmark
  public TrialCheckpoint read() throws IOException, InvalidCheckpointException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return CheckpointFormat.read(in, checkpoints.spec, checkpoints.identity.kernel(),
          checkpoints.identity.dataFingerprint());
    }
  }

  /** A network of the paper's shape and the checkpoints of it. */
  private static final class Checkpoints<M extends ReshapeMatrix> {
    private final Precision precision;
    private final Network<M> network;
    private final TrialSpec spec;
    private final CheckpointIdentity identity;
    private final List<CurvePoint> curve =
        List.of(new CurvePoint(0, OptionalDouble.empty(), new Evaluation(0.9, 2.2), new Evaluation(0.9, 2.2)));

    Checkpoints(Kernels<M> kernels, Precision precision) {
      this.precision = precision;
      network = Network.initialize(PAPER_NETWORK, kernels, new SplittableRandom(1));
      spec = new TrialSpec(PAPER_NETWORK, new TrainingSpec(Cost.NLL, 10, 0.01, 5_000_000, precision),
          DataSpec.named("shapeset"), MonitorSpec.DEFAULT, 1);
      identity = CheckpointIdentity.of(spec, kernels.matMul().name(), "bench");
    }

    TrialCheckpoint snapshot() {
      return new TrialCheckpoint(identity, 0, new TrainingProgress(100_000, 1_000_000, 0.0, 0, curve), List.of(),
          List.of(), copies(true), copies(false));
    }

    private List<DMatrixRMaj> copies(boolean weights) {
      List<DMatrixRMaj> copies = new ArrayList<>();
      for (int i = 0; i < network.layerCount(); i++) {
        copies.add(network.kernels().toDouble(weights ? network.weight(i) : network.bias(i)));
      }
      return copies;
    }
  }

  /** Runs both benchmarks, then prints the checkpoint's size and its share of wall time. Arguments: JMH's. */
  public static void main(String[] args) throws Exception {
    Map<String, JmhBench.Score> scores = JmhBench.run(CheckpointCostBench.class, args);
    CheckpointCostBench sizing = new CheckpointCostBench();
    sizing.precision = new CommandLineOptions(args).getParameter("precision")
        .orElse(List.of("float32")).iterator().next();
    sizing.directory = System.getProperty("java.io.tmpdir");
    sizing.setUp();
    long size = Files.size(sizing.file);
    sizing.tearDown();
    Precision precision = Precision.fromConfigName(sizing.precision);
    long weightBytes = PAPER_NETWORK.parameterCount() * (precision == Precision.FLOAT32 ? 4 : 8);
    JmhBench.Score write = scores.get("write");
    System.out.printf("%s 1024-1000x5-9: %d parameters, %d weight bytes; checkpoint %d bytes (%.4f x the weights)%n",
        precision.configName(), PAPER_NETWORK.parameterCount(), weightBytes, size, (double) size / weightBytes);
    System.out.printf("snapshot + write: %s; read + verify: %s%n", write.describe(), scores.get("read").describe());
    System.out.printf(Locale.ROOT, "fraction of wall time at one checkpoint per 30 minutes: %.5f%%%n",
        100 * write.median() / 1000 / DEFAULT_INTERVAL_SECONDS);
  }
}
