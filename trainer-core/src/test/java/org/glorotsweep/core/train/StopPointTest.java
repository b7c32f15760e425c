package org.glorotsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.monitor.LayerMonitor;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.result.Quantity;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.junit.jupiter.api.Test;

/**
 * A trial that stops early records a last point where it stopped. A time-out after 33 of 100 updates
 * (points every 20, Jacobians every 2nd point) must leave exactly the record of a trial planned to end after
 * 33 updates: the same curve, layer statistics (Jacobians included, as at an end point) and histograms. A
 * divergence records the network after its last applied update as a regular point.
 */
class StopPointTest {
  private static final FixedSplitDataset DATA = SeparableClusters.create(8, 3, 200, 42);
  private static final NetworkSpec TANH =
      new NetworkSpec(8, List.of(12, 7), 3, Activation.TANH, Initializer.NORMALIZED, 1.0);
  private static final MonitorSpec MONITOR = new MonitorSpec(true, 40, 0, 20, 2, 2, 0, 10);
  private static final long STOP = 33;

  @Test
  void aTimedOutTrialEndsWhereAPlannedOneOfItsLengthEnds() {
    Run stopped = run(TANH, 0.1, 100, new StopAfter(STOP));
    Run planned = run(TANH, 0.1, STOP, () -> false);

    assertEquals(TrialStatus.TIMEOUT, stopped.outcome.status());
    assertEquals(STOP, stopped.outcome.updatesDone());
    assertEquals(List.of(0L, 20L, STOP), updates(stopped.outcome.curve()));
    assertEquals(planned.outcome.curve(), stopped.outcome.curve());
    assertEquals(planned.monitor.statistics(), stopped.monitor.statistics());
    assertEquals(planned.monitor.histograms(), stopped.monitor.histograms());
    assertTrue(hasJacobianAt(stopped.monitor.statistics(), STOP), "the stop point is an end point");
  }

  @Test
  void aTimeOutOnAScheduledPointAddsNoSecondPoint() {
    Run stopped = run(TANH, 0.1, 100, new StopAfter(40));
    assertEquals(List.of(0L, 20L, 40L), updates(stopped.outcome.curve()));
    assertEquals(
        stopped.monitor.statistics().stream().filter(s -> s.update() == 0).count(),
        stopped.monitor.statistics().stream().filter(s -> s.update() == 40).count(),
        "one set of rows, Jacobians included, at the stop point, as at the initialisation");
  }

  @Test
  void aDivergedTrialRecordsItsLastAppliedUpdate() {
    NetworkSpec identity = NetworkSpec.uniform(8, 3, 16, 3, Activation.IDENTITY, Initializer.NORMALIZED);
    Run diverged = run(identity, 1e3, 100, () -> false);
    long done = diverged.outcome.updatesDone();
    assertEquals(TrialStatus.DIVERGED, diverged.outcome.status());
    assertTrue(done > 0 && done % 20 != 0, () -> "the fixture must stop between points, stopped at " + done);

    List<CurvePoint> curve = diverged.outcome.curve();
    CurvePoint last = curve.get(curve.size() - 1);
    assertEquals(done, last.update());
    assertTrue(last.trainingCost().isPresent(), "the mean cost of the updates applied since the last point");
    List<LayerStatistics> atStop =
        diverged.monitor.statistics().stream().filter(s -> s.update() == done).toList();
    assertEquals(
        diverged.monitor.statistics().stream().filter(s -> s.update() == 0 && !isJacobian(s)).count(),
        atStop.size(),
        "every layer measured at the stop point");
    assertFalse(hasJacobianAt(atStop, done), "a diverging network's Jacobians are not decomposed");
  }

  private static Run run(NetworkSpec spec, double learningRate, long updates, BooleanSupplier timeUp) {
    TrainingSpec training = new TrainingSpec(Cost.NLL, 10, learningRate, updates, Precision.FLOAT64);
    MeasurementSchedule schedule = MeasurementSchedule.of(MONITOR, updates);
    TrialRandom random = new TrialRandom(5);
    Network<DMatrixRMaj> network = Network.initialize(spec, KernelChoice.float64(), random.initialization());
    LayerMonitor<DMatrixRMaj> monitor = new LayerMonitor<>(network, MONITOR, training, DATA.test(), schedule);
    Trainer.Outcome outcome = new Trainer<>(network, training, DATA, random, schedule, 0).train(timeUp, monitor);
    return new Run(outcome, monitor);
  }

  private static List<Long> updates(List<CurvePoint> curve) {
    return curve.stream().map(CurvePoint::update).toList();
  }

  private static boolean hasJacobianAt(List<LayerStatistics> statistics, long update) {
    return statistics.stream().anyMatch(s -> s.update() == update && isJacobian(s));
  }

  private static boolean isJacobian(LayerStatistics s) {
    return s.quantity() == Quantity.JACOBIAN_SINGULAR_VALUE;
  }

  private record Run(Trainer.Outcome outcome, LayerMonitor<DMatrixRMaj> monitor) {}

  /** Time is up after the {@code updates}-th update (the trainer asks once per update). */
  private static final class StopAfter implements BooleanSupplier {
    private final long updates;
    private long asked;

    StopAfter(long updates) {
      this.updates = updates;
    }

    @Override
    public boolean getAsBoolean() {
      asked++;
      return asked >= updates;
    }
  }
}
