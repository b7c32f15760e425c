package org.glorotsweep.core.monitor;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.glorotsweep.core.testing.HandRunBench;
import org.glorotsweep.core.testing.JmhBench;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * How much of a trial's wall time monitoring takes on the paper's network (1024-1000x5-9, tanh, normalized,
 * batch 10, Shapeset) for the default schedule ({@link MonitorSpec#DEFAULT}), measured with JMH: one SGD step;
 * one layer-monitor point without Jacobians; one with the Jacobians of 10 examples x 4 hidden-to-hidden
 * layers; and one learning-curve point (10,000 validation and 10,000 test examples). For a trial of T updates
 * with P points, of which P_J have Jacobians, the layer monitors cost P x point + P_J x (point with Jacobians -
 * point), against T x step for training; learning curves add P x curve point. {@link #main} prints these
 * shares for T = 5 million, 100,000 and 2,000.
 *
 * <p>Not a test: run it by hand, from the repository root, with the class path built as in {@code
 * ShapesetCostBench}:
 *
 * <pre>
 *   java -cp "$(cat /tmp/cp.txt):trainer-core/target/classes:trainer-core/target/test-classes" \
 *       org.glorotsweep.core.monitor.MonitorOverheadBench [JMH options, e.g. -p precision=float64]
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonitorOverheadBench extends HandRunBench {
  private static final long PAPER_UPDATES = 5_000_000;
  private static final int BATCH = 10;
  private static final NetworkSpec PAPER_NETWORK =
      NetworkSpec.uniform(1024, 5, 1000, 9, Activation.TANH, Initializer.NORMALIZED);

  /** The precision of the network and its kernels. */
  @Param("float32")
  public String precision;

  private Parts<?> parts;

  /** Loads Shapeset and builds the network, its SGD step and its monitors. */
  @Setup
  public void setUp() throws IOException {
    Precision p = Precision.fromConfigName(precision);
    parts = new Parts<>(KernelChoice.forPrecision(p), p, DatasetCatalog.local().load(DataSpec.named("shapeset")));
  }

  /** One SGD step on a fresh batch. */
  @Benchmark
  public void sgdStep() {
    parts.step();
  }

  /** One layer-monitor point without Jacobians. */
  @Benchmark
  public void monitorPoint() {
    parts.monitorPoint();
  }

  /** One layer-monitor point with the default Jacobians (10 examples). */
  @Benchmark
  public void monitorPointWithJacobians() {
    parts.monitorPointWithJacobians();
  }

  /** One learning-curve point: validation and test error and NLL on 10,000 examples each. */
  @Benchmark
  public void learningCurvePoint() {
    parts.curvePoint();
  }

  /** The network and what the benchmarks run on it. */
  private static final class Parts<M extends ReshapeMatrix> {
    private final Network<M> network;
    private final TrainingSpec training;
    private final Dataset shapeset;
    private final Propagation<M> sgd;
    private final TrainingStream stream;
    private final LayerMonitor<M> layers;
    private final LayerMonitor<M> withJacobians;
    private final float[] features = new float[BATCH * PAPER_NETWORK.inputSize()];
    private final int[] labels = new int[BATCH];

    Parts(Kernels<M> kernels, Precision precision, Dataset shapeset) {
      TrialRandom random = new TrialRandom(1);
      this.shapeset = shapeset;
      network = Network.initialize(PAPER_NETWORK, kernels, random.initialization());
      training = new TrainingSpec(Cost.NLL, BATCH, 0.01, PAPER_UPDATES, precision);
      sgd = new Propagation<>(network, new Workspace<>(PAPER_NETWORK, kernels, BATCH));
      stream = shapeset.trainingStream(random.dataOrder());
      MonitorSpec defaults = MonitorSpec.DEFAULT;
      MeasurementSchedule schedule = MeasurementSchedule.of(defaults, PAPER_UPDATES);
      layers = new LayerMonitor<>(network, withJacobianExamples(defaults, 0), training, shapeset.test(), schedule);
      layers.observe(0, false, network); // fixes the histogram ranges
      withJacobians = new LayerMonitor<>(network, defaults, training, shapeset.test(), schedule);
      withJacobians.observe(0, false, network);
    }

    void step() {
      int rows = stream.nextBatch(BATCH, features, labels);
      sgd.forward(features, rows);
      sgd.cost(training.cost(), labels);
      sgd.backwardAndUpdate(training.learningRate());
    }

    void monitorPoint() {
      layers.observe(1, false, network);
    }

    void monitorPointWithJacobians() {
      withJacobians.observe(0, false, network);
    }

    void curvePoint() {
      TrainingSpec noUpdates = new TrainingSpec(Cost.NLL, BATCH, 0.01, 0, training.precision());
      MeasurementSchedule initialisationOnly = MeasurementSchedule.of(MonitorSpec.CURVES_ONLY, 0);
      new Trainer<>(network, noUpdates, shapeset, new TrialRandom(2), initialisationOnly, 0)
          .train(() -> false, (update, end, net) -> {});
    }

    private static MonitorSpec withJacobianExamples(MonitorSpec m, int examples) {
      return new MonitorSpec(true, m.monitorExamples(), m.logPoints(), m.interval(), examples, m.jacobianEvery(),
          m.evaluationExamples(), m.histogramBins());
    }
  }

  /** Runs the benchmarks and prints monitoring's share of trials of three lengths. Arguments: JMH's options. */
  public static void main(String[] args) throws Exception {
    Map<String, JmhBench.Score> scores = JmhBench.run(MonitorOverheadBench.class, args);
    for (Map.Entry<String, JmhBench.Score> score : scores.entrySet()) {
      System.out.printf("%-26s %s%n", score.getKey(), score.getValue().describe());
    }
    double step = scores.get("sgdStep").median();
    double point = scores.get("monitorPoint").median();
    double jacobians = scores.get("monitorPointWithJacobians").median() - point;
    double curvePoint = scores.get("learningCurvePoint").median();
    System.out.printf("per step: layer-monitor point %.0f steps, Jacobians %.0f steps, learning-curve point %.0f"
        + " steps%n", point / step, jacobians / step, curvePoint / step);
    for (long updates : new long[] {PAPER_UPDATES, 100_000, 2_000}) {
      MeasurementSchedule schedule = MeasurementSchedule.of(MonitorSpec.DEFAULT, updates);
      long[] points = schedule.points();
      long jacobianPoints = LongStream.of(points).filter(schedule::includesJacobian).count();
      double stepping = updates * step;
      double monitors = points.length * point + jacobianPoints * jacobians;
      double curves = points.length * curvePoint;
      double total = stepping + monitors + curves;
      System.out.printf(
          "T = %,d updates: %d points, %d with Jacobians; layer monitors %.2f%% of the trial; with learning"
              + " curves %.2f%%%n",
          updates, points.length, jacobianPoints, 100 * monitors / total, 100 * (monitors + curves) / total);
    }
  }
}
