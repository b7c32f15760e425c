package org.glorotsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.testing.Specs;
import org.junit.jupiter.api.Test;

/**
 * The cost formula of {@link TrialCosts} against its schedule, and what {@link TrialCostProbe} measures (its
 * parts, not their size: timings are not asserted).
 */
class TrialCostsTest {
  private static final FixedSplitDataset CLUSTERS = SeparableClusters.create(8, 3, 600, 42);

  @Test
  void aTrialCostsItsUpdatesAndItsPoints() {
    TrialSpec spec = withMonitor(Specs.clusters(3, 16, 0.05, 5_000_000, Precision.FLOAT32, 1), MonitorSpec.DEFAULT);
    TrialCosts costs = new TrialCosts(1, 0.01, 0.1, 0.2, 0.5, 3);
    // 61 points (0, 10 log-spaced, 49 regular, T), 6 of them with Jacobians
    assertEquals(61 * 0.3 + 6 * 0.5, costs.monitoringSecondsOf(spec), 1e-9);
    assertEquals(1 + 5_000_000 * 0.01 + 61 * 0.3 + 6 * 0.5, costs.secondsOf(spec), 1e-6);
  }

  @Test
  void zeroUpdatesCostTheInitialisationPointOnly() {
    TrialSpec spec = withMonitor(Specs.clusters(3, 16, 0.05, 0, Precision.FLOAT32, 1), MonitorSpec.DEFAULT);
    assertEquals(1 + 0.3 + 0.5, new TrialCosts(1, 0.01, 0.1, 0.2, 0.5, 3).secondsOf(spec), 1e-12);
  }

  @Test
  void costsAreFiniteSecondsAtLeastZero() {
    assertThrows(IllegalArgumentException.class, () -> new TrialCosts(0, -1e-9, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TrialCosts(0, 0, Double.NaN, 0, 0, 0));
  }

  @Test
  void theProbeTimesEveryPartTheSpecHas() throws Exception {
    TrialCostProbe probe = new TrialCostProbe(spec -> CLUSTERS);
    MonitorSpec jacobians = new MonitorSpec(true, 50, 10, 0, 5, 10, 0, 20);
    TrialCosts monitored = probe.measure(withMonitor(Specs.clusters(3, 16, 0.05, 100, Precision.FLOAT32, 1), jacobians));
    assertTrue(monitored.update() > 0 && monitored.evaluation() > 0 && monitored.monitor() > 0, monitored::toString);
    TrialCosts curvesOnly = probe.measure(Specs.clusters(3, 16, 0.05, 100, Precision.FLOAT64, 1));
    assertTrue(curvesOnly.update() > 0 && curvesOnly.evaluation() > 0, curvesOnly::toString);
    assertEquals(0, curvesOnly.monitor());
    assertEquals(0, curvesOnly.jacobian());
  }

  private static TrialSpec withMonitor(TrialSpec spec, MonitorSpec monitor) {
    return new TrialSpec(spec.network(), spec.training(), spec.data(), monitor, spec.seed());
  }
}
