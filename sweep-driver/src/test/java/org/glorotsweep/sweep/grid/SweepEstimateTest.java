package org.glorotsweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.glorotsweep.core.TrialCosts;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.junit.jupiter.api.Test;

/**
 * A sweep's core-seconds: its trials' seconds plus, on each executor core that gets a trial, the cold starts of
 * every shape (what the first shape's probe compiled and loaded, and what each later shape compiled anew).
 */
class SweepEstimateTest {
  private static final TrialSpec MONITORED = PaperTrials.tanh5x1000(Initializer.STANDARD, 0);
  private static final TrialSpec CURVES_ONLY =
      new TrialSpec(MONITORED.network(), MONITORED.training(), MONITORED.data(), MonitorSpec.CURVES_ONLY,
          MONITORED.seed());

  /** Costs by shape: 2 s of setup and nothing else; cold starts of 7 s (monitored) and 3 s (curves only). */
  private static TrialCosts costsOf(TrialSpec shape) {
    return new TrialCosts(2, 0, 0, 0, 0, shape.monitor().enabled() ? 7 : 3);
  }

  @Test
  void eachCoreThatGetsATrialPaysEveryShapesColdStartOnce() throws Exception {
    List<TrialSpec> specs = List.of(MONITORED, CURVES_ONLY, PaperTrials.tanh5x1000(Initializer.NORMALIZED, 1));
    SweepEstimate estimate = SweepEstimate.of(specs, SweepEstimateTest::costsOf);
    assertEquals(2, estimate.shapes());
    assertEquals(7 + 3, estimate.coldStartSeconds());
    assertEquals(3 * 2 + 2 * 10, estimate.sweepSecondsOf(specs, 2), 1e-12);
    assertEquals(3 * 2 + 3 * 10, estimate.sweepSecondsOf(specs, 16), 1e-12, "at most one cold start per trial");
  }
}
