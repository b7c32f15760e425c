package org.glorotsweep.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetProvider;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.monitor.LayerMonitor;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;

/**
 * Measures the {@link TrialCosts} of a trial's shape by running the parts of a trial, through the same code a
 * trial runs, for a fraction of a second: a few SGD updates through {@link Trainer}, a learning-curve point,
 * and one point of a {@link LayerMonitor} with and without layer Jacobians. The sweep driver calls it once per
 * distinct shape to quote a sweep's cost before running it; the result describes the machine and the load it
 * runs on, so it is an estimate, never part of a result.
 *
 * <p>Everything is timed after a warm-up, a whole untimed pass first (the JIT compiles the kernels in the first
 * few hundred updates and points, which a trial pays once per executor JVM, and on a loaded machine the
 * compiler threads lag): updates, as many as fit in about {@value
 * #UPDATE_BUDGET_SECONDS} s; learning-curve points and layer-statistics points, each the median of {@value
 * #REPEATS} timings. Two parts are timed on fewer examples and scaled, being linear in them: a learning-curve
 * point on at most {@value #EVALUATION_EXAMPLES} examples of each set (it propagates them in fixed chunks),
 * and the Jacobians on one example, scaled by {@code jacobianExamples} (each example's Jacobians are
 * decomposed separately). The data set is loaded before timing starts: a catalogue loads each data set once
 * per JVM, so trials share it.
 *
 * <p>What a fresh JVM pays once is measured too, as {@link TrialCosts#coldStart}: loading the data set and
 * the first, untimed pass's fixed work (initialising a network, {@value #WARM_UP_UPDATES} updates with two
 * learning-curve points, and the monitor points' warm-up), less the same work in the second pass. It is what
 * the first trial on each executor core adds (the trials of a short sweep can spend more on it than on
 * training); only the first shape a JVM probes sees all of it.
 */
public final class TrialCostProbe {
  /** About how long the timed updates run. */
  static final double UPDATE_BUDGET_SECONDS = 0.3;

  private static final int WARM_UP_UPDATES = 200;
  private static final int REPEATS = 3;
  private static final int EVALUATION_EXAMPLES = 500;
  /** Small enough that no probe diverges; the step size does not change an update's cost. */
  private static final double PROBE_LEARNING_RATE = 1e-6;
  private static final long MAX_TIMED_UPDATES = 100_000;
  private static final double NANOS = 1e9;

  private final DatasetProvider datasets;

  /** A probe that finds data sets through {@code datasets}. */
  public TrialCostProbe(DatasetProvider datasets) {
    this.datasets = datasets;
  }

  /**
   * Measures the costs of trials shaped like {@code spec}: its network, batch size, precision, data set and
   * monitoring. Its updates, seed and learning rate do not matter (the probe steps with a tiny learning rate).
   *
   * @throws IOException when the data set cannot be loaded
   */
  public TrialCosts measure(TrialSpec spec) throws IOException {
    long start = System.nanoTime();
    Dataset dataset = datasets.load(spec.data());
    double loading = (System.nanoTime() - start) / NANOS;
    Kernels<?> kernels = KernelChoice.forPrecision(spec.training().precision());
    Pass cold = measure(spec, dataset, kernels); // compiles every part; only its fixed work's time is kept
    Pass warm = measure(spec, dataset, kernels);
    return warm.costs().withColdStart(Math.max(0, loading + cold.fixedWork() - warm.fixedWork()));
  }

  private static <M extends ReshapeMatrix> Pass measure(TrialSpec spec, Dataset dataset, Kernels<M> kernels) {
    TrialRandom random = new TrialRandom(spec.seed());
    long start = System.nanoTime();
    Network<M> network = Network.initialize(spec.network(), kernels, random.initialization());
    double setup = (System.nanoTime() - start) / NANOS;
    int validation = evaluatedExamples(dataset.validation().size(), spec.monitor().evaluationExamples());
    int test = evaluatedExamples(dataset.test().size(), spec.monitor().evaluationExamples());
    int probed = Math.min(EVALUATION_EXAMPLES, Math.min(validation, test));
    double evaluationScale = (validation + test) / (2.0 * probed);
    UpdateTiming first = timeUpdates(network, spec, dataset, random, WARM_UP_UPDATES, probed);
    double fixedWork = setup + first.evaluation() + first.afterFirstPoint();
    double[] evaluations = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      evaluations[r] = timeUpdates(network, spec, dataset, random, 1, probed).evaluation();
    }
    double evaluation = median(evaluations);
    UpdateTiming pilot = timeUpdates(network, spec, dataset, random, WARM_UP_UPDATES, probed);
    long count = timedUpdates(pilot.updatesSeconds(evaluation) / WARM_UP_UPDATES);
    double update = timeUpdates(network, spec, dataset, random, count, probed).updatesSeconds(evaluation) / count;
    double monitor = 0;
    double jacobian = 0;
    if (spec.monitor().enabled()) {
      MonitorSpec m = spec.monitor();
      MonitorSpec withoutJacobians = monitorWithJacobianExamples(m, 0);
      fixedWork += timeMonitorPoint(network, withoutJacobians, spec, dataset);
      monitor = medianMonitorPoint(network, withoutJacobians, spec, dataset);
      if (m.jacobianExamples() > 0 && spec.network().depth() >= 2) {
        MonitorSpec oneJacobian = monitorWithJacobianExamples(m, 1);
        fixedWork += timeMonitorPoint(network, oneJacobian, spec, dataset);
        double oneExample = medianMonitorPoint(network, oneJacobian, spec, dataset);
        jacobian = Math.max(0, oneExample - monitor) * m.jacobianExamples();
      }
    }
    return new Pass(new TrialCosts(setup, update, evaluation * evaluationScale, monitor, jacobian, 0), fixedWork);
  }

  private static long timedUpdates(double pilotUpdate) {
    return Math.max(WARM_UP_UPDATES, Math.min(MAX_TIMED_UPDATES, (long) (UPDATE_BUDGET_SECONDS / pilotUpdate)));
  }

  /** The examples of a set of {@code size} that a learning-curve point evaluates (0: all of them). */
  private static int evaluatedExamples(int size, int evaluationExamples) {
    return Math.max(1, evaluationExamples == 0 ? size : Math.min(evaluationExamples, size));
  }

  /** The median of {@value #REPEATS} timings of a monitor point, one having run already as a warm-up. */
  private static <M extends ReshapeMatrix> double medianMonitorPoint(
      Network<M> network, MonitorSpec monitor, TrialSpec spec, Dataset dataset) {
    double[] seconds = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      seconds[r] = timeMonitorPoint(network, monitor, spec, dataset);
    }
    return median(seconds);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * Runs {@code count} updates with learning-curve points at 0 and {@code count} only: the first point is one
   * evaluation, and from it to the end are the updates and one more evaluation.
   */
  private static <M extends ReshapeMatrix> UpdateTiming timeUpdates(
      Network<M> network, TrialSpec spec, Dataset dataset, TrialRandom random, long count, int evaluationExamples) {
    TrainingSpec t = spec.training();
    TrainingSpec training = new TrainingSpec(t.cost(), t.batchSize(), PROBE_LEARNING_RATE, count, t.precision());
    MonitorSpec endsOnly = new MonitorSpec(false, 1, 0, count, 0, 1, evaluationExamples, 1);
    MeasurementSchedule schedule = MeasurementSchedule.of(endsOnly, count);
    Trainer<M> trainer = new Trainer<>(network, training, dataset, random, schedule, evaluationExamples);
    List<Long> pointTimes = new ArrayList<>();
    long start = System.nanoTime();
    trainer.train(() -> false, (update, end, net) -> pointTimes.add(System.nanoTime()));
    long end = System.nanoTime();
    return new UpdateTiming((pointTimes.get(0) - start) / NANOS, (end - pointTimes.get(0)) / NANOS);
  }

  private static <M extends ReshapeMatrix> double timeMonitorPoint(
      Network<M> network, MonitorSpec monitor, TrialSpec spec, Dataset dataset) {
    LayerMonitor<M> layers =
        new LayerMonitor<>(network, monitor, spec.training(), dataset.test(), MeasurementSchedule.of(monitor, 0));
    long start = System.nanoTime();
    layers.observe(0, false, network);
    return (System.nanoTime() - start) / NANOS;
  }

  private static MonitorSpec monitorWithJacobianExamples(MonitorSpec m, int examples) {
    return new MonitorSpec(
        m.enabled(), m.monitorExamples(), m.logPoints(), m.interval(), examples, m.jacobianEvery(),
        m.evaluationExamples(), m.histogramBins());
  }

  /** A pass's costs, and the seconds of its fixed work, the same in every pass (see {@link #measure(TrialSpec)}). */
  private record Pass(TrialCosts costs, double fixedWork) {}

  /** Seconds of the first learning-curve point, and from it to the end (the updates and the last point). */
  private record UpdateTiming(double evaluation, double afterFirstPoint) {
    /** The seconds of the updates alone, given the typical seconds of a point. */
    double updatesSeconds(double typicalEvaluation) {
      return Math.max(0, afterFirstPoint - typicalEvaluation);
    }
  }
}
