package org.glorotsweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.spec.TrialSpec;
import org.junit.jupiter.api.Test;

/** The cost estimate against the paper-spec's figures for the 5x1000 Shapeset network. */
class CostModelTest {
  private static final TrialSpec PAPER_TRIAL = PaperTrials.tanh5x1000(Initializer.STANDARD, 0);

  @Test
  void relativeCostIsUpdatesTimesBatchTimesParameters() {
    // P = 1025*1000 + 4*1001*1000 + 1001*9 = 5,038,009
    assertEquals(5_000_000.0 * 10 * 5_038_009, CostModel.relativeCost(PAPER_TRIAL));
  }

  @Test
  void onePaperStepIsAboutPointThreeGigaflop() {
    double examplesTimesParameters = CostModel.relativeCost(PAPER_TRIAL) / 5_000_000;
    double flopsPerStep = examplesTimesParameters * CostModel.FLOPS_PER_PARAMETER_PER_EXAMPLE;
    assertEquals(0.3e9, flopsPerStep, 0.01e9);
  }

  @Test
  void aPaperTrialIsDaysOfCoreTime() {
    // 1.5e15 flop at 5e9 flop/s = 3.0e5 s = 84 h
    assertEquals(84.0, CostModel.coreHours(CostModel.relativeCost(PAPER_TRIAL)), 0.1);
  }
}
