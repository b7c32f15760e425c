package org.glorotsweep.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.testing.Specs;
import org.junit.jupiter.api.Test;

/** The monitors read the network and never touch the training state or its random streams. */
class MonitoringChangesNothingTest {
  private static final FixedSplitDataset CLUSTERS = SeparableClusters.create(8, 3, 600, 42);
  private final TrialRunner runner = new TrialRunner(spec -> CLUSTERS);

  @Test
  void sameTrialWithAndWithoutMonitorsGivesBitwiseEqualWeightsAndEqualCurves() throws Exception {
    for (Precision precision : Precision.values()) {
      TrialSpec bare = Specs.clusters(3, 16, 0.05, 120, precision, 11);
      MonitorSpec on = new MonitorSpec(true, 100, 10, 0, 4, 5, 0, 50);
      TrialSpec monitored = new TrialSpec(bare.network(), bare.training(), bare.data(), on, bare.seed());
      TrialResult without = runner.run(bare);
      TrialResult with = runner.run(monitored);
      assertEquals(without.weightsSha256(), with.weightsSha256());
      assertEquals(without.curve(), with.curve());
      assertTrue(without.layerStatistics().isEmpty() && without.histograms().isEmpty());
      assertFalse(with.layerStatistics().isEmpty() || with.histograms().isEmpty());
      assertEquals(with.curve().size(), with.layerStatistics().stream().map(s -> s.update()).distinct().count());
    }
  }
}
