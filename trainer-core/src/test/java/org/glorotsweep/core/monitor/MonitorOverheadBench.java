package org.glorotsweep.core.monitor;

import java.io.IOException;
import java.util.stream.LongStream;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.testing.Timing;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;

/**
 * How much of a trial's wall time monitoring takes on the paper's network (1024-1000x5-9, tanh, normalized,
 * batch 10, Shapeset), for the default schedule ({@link MonitorSpec#DEFAULT}). It times, as medians over
 * repeated samples: one SGD step; one layer-monitor point without Jacobians; the Jacobians of one point (10
 * examples x 4 hidden-to-hidden layers); and one learning-curve point (10,000 validation and 10,000 test
 * examples). For a trial of T updates with P points, of which P_J have Jacobians, the layer monitors cost
 * P x point + P_J x jacobians, against T x step for training; learning curves add P x curve point.
 *
 * <p>Not a test: run it by hand, from the repository root,
 *
 * <pre>
 *   mvn -q -B -o test-compile -pl trainer-core
 *   mvn -q -B -o dependency:build-classpath -pl trainer-core -Dmdep.outputFile=/tmp/cp.txt
 *   java --add-modules=jdk.incubator.vector \
 *       -cp "$(cat /tmp/cp.txt):trainer-core/target/classes:trainer-core/target/test-classes" \
 *       org.glorotsweep.core.monitor.MonitorOverheadBench [float32|float64] [repeats]
 * </pre>
 */
public final class MonitorOverheadBench {
  private static final long PAPER_UPDATES = 5_000_000;
  private static final int BATCH = 10;
  private static final int STEPS_PER_SAMPLE = 20;

  private MonitorOverheadBench() {}

  /** Arguments: the precision (default float32) and the number of samples per median (default 3). */
  public static void main(String[] args) throws IOException {
    Precision precision = Precision.fromConfigName(args.length > 0 ? args[0] : "float32");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Dataset shapeset = DatasetCatalog.local().load(DataSpec.named("shapeset"));
    measure(KernelChoice.forPrecision(precision), precision, shapeset, repeats);
  }

  private static <M extends ReshapeMatrix> void measure(
      Kernels<M> kernels, Precision precision, Dataset shapeset, int repeats) {
    NetworkSpec spec = NetworkSpec.uniform(1024, 5, 1000, 9, Activation.TANH, Initializer.NORMALIZED);
    TrainingSpec training = new TrainingSpec(Cost.NLL, BATCH, 0.01, PAPER_UPDATES, precision);
    TrialRandom random = new TrialRandom(1);
    Network<M> network = Network.initialize(spec, kernels, random.initialization());
    MonitorSpec defaults = MonitorSpec.DEFAULT;
    MeasurementSchedule paperSchedule = MeasurementSchedule.of(defaults, PAPER_UPDATES);

    Propagation<M> sgd = new Propagation<>(network, new Workspace<>(spec, kernels, BATCH));
    TrainingStream stream = shapeset.trainingStream(random.dataOrder());
    float[] features = new float[BATCH * spec.inputSize()];
    int[] labels = new int[BATCH];
    double step =
        Timing.median(repeats, STEPS_PER_SAMPLE, () -> {
          int rows = stream.nextBatch(BATCH, features, labels);
          sgd.forward(features, rows);
          sgd.cost(training.cost(), labels);
          sgd.backwardAndUpdate(training.learningRate());
        });

    MonitorSpec noJacobians =
        new MonitorSpec(true, defaults.monitorExamples(), defaults.logPoints(), defaults.interval(), 0,
            defaults.jacobianEvery(), defaults.evaluationExamples(), defaults.histogramBins());
    LayerMonitor<M> layers = new LayerMonitor<>(network, noJacobians, training, shapeset.test(), paperSchedule);
    layers.observe(0, false, network); // fixes the histogram ranges
    double point = Timing.median(repeats, 1, () -> layers.observe(1, false, network));
    LayerMonitor<M> withJacobians =
        new LayerMonitor<>(network, defaults, training, shapeset.test(), paperSchedule);
    withJacobians.observe(0, false, network);
    double jacobians = Timing.median(repeats, 1, () -> withJacobians.observe(0, false, network)) - point;

    TrainingSpec noUpdates = new TrainingSpec(Cost.NLL, BATCH, 0.01, 0, precision);
    MeasurementSchedule initialisationOnly = MeasurementSchedule.of(MonitorSpec.CURVES_ONLY, 0);
    double curvePoint =
        Timing.median(repeats, 1, () ->
            new Trainer<>(network, noUpdates, shapeset, new TrialRandom(2), initialisationOnly, 0)
                .train(() -> false, (update, end, net) -> {}));

    System.out.printf("kernel %s, %s, %d samples per median%n", kernels.matMul().name(), precision.configName(), repeats);
    System.out.printf("  SGD step (batch %d)              %10.4f s%n", BATCH, step);
    System.out.printf("  layer-monitor point, no Jacobian %10.4f s  (%.0f steps)%n", point, point / step);
    System.out.printf("  Jacobians of one point           %10.4f s  (%.0f steps)%n", jacobians, jacobians / step);
    System.out.printf("  learning-curve point (20k exs)   %10.4f s  (%.0f steps)%n", curvePoint, curvePoint / step);
    for (long updates : new long[] {PAPER_UPDATES, 100_000, 2_000}) {
      MeasurementSchedule schedule = MeasurementSchedule.of(defaults, updates);
      long[] points = schedule.points();
      long jacobianPoints = LongStream.of(points).filter(schedule::includesJacobian).count();
      double stepping = updates * step;
      double monitors = points.length * point + jacobianPoints * jacobians;
      double curves = points.length * curvePoint;
      double total = stepping + monitors + curves;
      System.out.printf(
          "T = %,d updates: %d points, %d with Jacobians; training %.4g s; layer monitors %.4g s = %.2f%% of"
              + " the trial; with learning curves %.2f%%%n",
          updates, points.length, jacobianPoints, stepping, monitors, 100 * monitors / total,
          100 * (monitors + curves) / total);
    }
  }
}
