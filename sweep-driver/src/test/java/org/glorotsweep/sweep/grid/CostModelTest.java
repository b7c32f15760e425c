package org.glorotsweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.junit.jupiter.api.Test;

/** The relative cost against the paper-spec's 5x1000 Shapeset network, and what makes a trial's shape. */
class CostModelTest {
  private static final TrialSpec PAPER_TRIAL = PaperTrials.tanh5x1000(Initializer.STANDARD, 0);

  @Test
  void relativeCostIsUpdatesTimesBatchTimesParameters() {
    // P = 1025*1000 + 4*1001*1000 + 1001*9 = 5,038,009
    assertEquals(5_000_000.0 * 10 * 5_038_009, CostModel.relativeCost(PAPER_TRIAL));
  }

  @Test
  void initSeedAndUpdatesDoNotChangeTheShape() {
    TrialSpec other = PaperTrials.tanh5x1000(Initializer.NORMALIZED, 3).withSeed(99);
    assertEquals(CostModel.shapeOf(PAPER_TRIAL), CostModel.shapeOf(other));
    assertEquals(0, CostModel.shapeOf(PAPER_TRIAL).training().updates());
  }

  @Test
  void monitoringChangesTheShape() {
    TrialSpec curvesOnly =
        new TrialSpec(PAPER_TRIAL.network(), PAPER_TRIAL.training(), PAPER_TRIAL.data(),
            MonitorSpec.CURVES_ONLY, PAPER_TRIAL.seed());
    assertNotEquals(CostModel.shapeOf(PAPER_TRIAL), CostModel.shapeOf(curvesOnly));
  }
}
