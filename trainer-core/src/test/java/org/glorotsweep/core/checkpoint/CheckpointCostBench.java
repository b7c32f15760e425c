package org.glorotsweep.core.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
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
import org.glorotsweep.core.testing.Timing;
import org.glorotsweep.core.train.TrainingProgress;

/**
 * What a checkpoint of the paper's network (1024-1000x5-9, 5.04 million parameters) costs: its size, and the
 * median time to snapshot the network and write the checkpoint to a local file (what a trial pauses for), and
 * to read it back. The fraction of a trial's wall time is the write time over the interval between
 * checkpoints (30 minutes by default).
 *
 * <p>Not a test: run it by hand, from the repository root, with the class path built as for
 * {@code MonitorOverheadBench}:
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector \
 *       -cp "$(cat /tmp/cp.txt):trainer-core/target/classes:trainer-core/target/test-classes" \
 *       org.glorotsweep.core.checkpoint.CheckpointCostBench [float32|float64] [repeats] [directory]
 * </pre>
 */
public final class CheckpointCostBench {
  private static final double DEFAULT_INTERVAL_SECONDS = 30 * 60;

  private CheckpointCostBench() {}

  /** Arguments: the precision (default float32), samples per median (default 5), where to write (/tmp). */
  public static void main(String[] args) throws IOException {
    Precision precision = Precision.fromConfigName(args.length > 0 ? args[0] : "float32");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path file = Files.createTempFile(Path.of(args.length > 2 ? args[2] : "/tmp"), "bench", ".ckpt");
    try {
      measure(KernelChoice.forPrecision(precision), precision, repeats, file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static <M extends ReshapeMatrix> void measure(
      Kernels<M> kernels, Precision precision, int repeats, Path file) {
    NetworkSpec net =
        new NetworkSpec(1024, List.of(1000, 1000, 1000, 1000, 1000), 9, Activation.TANH, Initializer.NORMALIZED,
            1.0);
    TrialSpec spec = new TrialSpec(net, new TrainingSpec(Cost.NLL, 10, 0.01, 5_000_000, precision),
        DataSpec.named("shapeset"), MonitorSpec.DEFAULT, 1);
    Network<M> network = Network.initialize(net, kernels, new SplittableRandom(1));
    CheckpointIdentity identity = CheckpointIdentity.of(spec, kernels.matMul().name(), "bench");
    List<CurvePoint> curve = List.of(
        new CurvePoint(0, OptionalDouble.empty(), new Evaluation(0.9, 2.2), new Evaluation(0.9, 2.2)));
    double write = Timing.median(repeats, 1, () -> {
      TrialCheckpoint checkpoint = new TrialCheckpoint(identity, 0,
          new TrainingProgress(100_000, 1_000_000, 0.0, 0, curve), List.of(), List.of(),
          copies(network, true), copies(network, false));
      try (OutputStream out = Files.newOutputStream(file)) {
        CheckpointFormat.write(checkpoint, precision, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    double read = Timing.median(repeats, 1, () -> {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        CheckpointFormat.read(in, spec, identity.kernel(), identity.dataFingerprint());
      } catch (IOException | InvalidCheckpointException e) {
        throw new IllegalStateException(e);
      }
    });
    long parameters = net.parameterCount();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long weightBytes = parameters * (precision == Precision.FLOAT32 ? 4 : 8);
    System.out.printf("%s 1024-1000x5-9: %d parameters, %d weight bytes%n", precision.configName(), parameters,
        weightBytes);
    System.out.printf("checkpoint: %d bytes (%.4f x the weights)%n", size, (double) size / weightBytes);
    System.out.printf("snapshot + write: %.3f s (median of %d); read + verify: %.3f s%n", write, repeats, read);
    System.out.printf("fraction of wall time at one checkpoint per 30 minutes: %.5f%%%n",
        100 * write / DEFAULT_INTERVAL_SECONDS);
  }

  private static <M extends ReshapeMatrix> List<DMatrixRMaj> copies(Network<M> network, boolean weights) {
    List<DMatrixRMaj> copies = new ArrayList<>();
    for (int i = 0; i < network.layerCount(); i++) {
      copies.add(network.kernels().toDouble(weights ? network.weight(i) : network.bias(i)));
    }
    return copies;
  }
}
