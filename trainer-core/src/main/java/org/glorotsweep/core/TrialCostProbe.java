package org.glorotsweep.core;

import java.io.IOException;
import java.util.ArrayList;
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
 * <p>Updates are timed after a warm-up (the JIT compiles the kernels in the first few hundred updates), as many
 * as fit in about {@value #UPDATE_BUDGET_SECONDS} s. The Jacobian part is measured on one example and scaled
 * by {@code jacobianExamples}: each example's Jacobians are decomposed separately, so the cost is linear in
 * their number. The data set is loaded before timing starts: a catalogue loads each data set once per JVM,
 * so trials share it.
 */
public final class TrialCostProbe {
  /** About how long the timed updates run. */
  static final double UPDATE_BUDGET_SECONDS = 0.3;

  private static final int WARM_UP_UPDATES = 200;
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
    Dataset dataset = datasets.load(spec.data());
    return measure(spec, dataset, KernelChoice.forPrecision(spec.training().precision()));
  }

  private static <M extends ReshapeMatrix> TrialCosts measure(TrialSpec spec, Dataset dataset, Kernels<M> kernels) {
    TrialRandom random = new TrialRandom(spec.seed());
    long start = System.nanoTime();
    Network<M> network = Network.initialize(spec.network(), kernels, random.initialization());
    double setup = (System.nanoTime() - start) / NANOS;
    UpdateTiming warmUp = timeUpdates(network, spec, dataset, random, WARM_UP_UPDATES);
    long timed = Math.max(1, Math.min(MAX_TIMED_UPDATES, (long) (UPDATE_BUDGET_SECONDS / warmUp.update())));
    UpdateTiming updates = timeUpdates(network, spec, dataset, random, timed);
    double monitor = 0;
    double jacobian = 0;
    if (spec.monitor().enabled()) {
      MonitorSpec m = spec.monitor();
      MonitorSpec withoutJacobians = monitorWithJacobianExamples(m, 0);
      timeMonitorPoint(network, withoutJacobians, spec, dataset); // warm-up, and its histogram ranges
      monitor = timeMonitorPoint(network, withoutJacobians, spec, dataset);
      if (m.jacobianExamples() > 0 && spec.network().depth() >= 2) {
        double oneExample = timeMonitorPoint(network, monitorWithJacobianExamples(m, 1), spec, dataset);
        jacobian = Math.max(0, oneExample - monitor) * m.jacobianExamples();
      }
    }
    return new TrialCosts(setup, updates.update(), updates.evaluation(), monitor, jacobian);
  }

  /**
   * Runs {@code count} updates with learning-curve points at 0 and {@code count} only. The first point is one
   * evaluation; the time from it to the second is count updates and one evaluation.
   */
  private static <M extends ReshapeMatrix> UpdateTiming timeUpdates(
      Network<M> network, TrialSpec spec, Dataset dataset, TrialRandom random, long count) {
    TrainingSpec t = spec.training();
    TrainingSpec training = new TrainingSpec(t.cost(), t.batchSize(), PROBE_LEARNING_RATE, count, t.precision());
    MonitorSpec endsOnly = new MonitorSpec(false, 1, 0, count, 0, 1, spec.monitor().evaluationExamples(), 1);
    MeasurementSchedule schedule = MeasurementSchedule.of(endsOnly, count);
    Trainer<M> trainer = new Trainer<>(network, training, dataset, random, schedule, endsOnly.evaluationExamples());
    List<Long> pointTimes = new ArrayList<>();
    long start = System.nanoTime();
    Trainer.Outcome outcome = trainer.train(() -> false, (update, net) -> pointTimes.add(System.nanoTime()));
    long end = System.nanoTime();
    double evaluation = (pointTimes.get(0) - start) / NANOS;
    // a diverged probe stops without its last point: its updates are the time after the first point
    double updating =
        pointTimes.size() == 2 ? (end - pointTimes.get(0)) / NANOS - evaluation : (end - pointTimes.get(0)) / NANOS;
    return new UpdateTiming(Math.max(0, updating) / Math.max(1, outcome.updatesDone()), evaluation);
  }

  private static <M extends ReshapeMatrix> double timeMonitorPoint(
      Network<M> network, MonitorSpec monitor, TrialSpec spec, Dataset dataset) {
    LayerMonitor<M> layers =
        new LayerMonitor<>(network, monitor, spec.training(), dataset.test(), MeasurementSchedule.of(monitor, 0));
    long start = System.nanoTime();
    layers.observe(0, network);
    return (System.nanoTime() - start) / NANOS;
  }

  private static MonitorSpec monitorWithJacobianExamples(MonitorSpec m, int examples) {
    return new MonitorSpec(
        m.enabled(), m.monitorExamples(), m.logPoints(), m.interval(), examples, m.jacobianEvery(),
        m.evaluationExamples(), m.histogramBins());
  }

  /** Seconds per update, and of one learning-curve point. */
  private record UpdateTiming(double update, double evaluation) {}
}
