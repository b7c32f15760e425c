package org.glorotsweep.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.PixelRange;
import org.glorotsweep.core.data.shapeset.ShapesetDataset;
import org.glorotsweep.core.data.shapeset.ShapesetOptions;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.train.CheckpointInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trial trained to update k, checkpointed, serialized, read back and resumed to T ends exactly where an
 * uninterrupted run of T updates ends: the same weights digest, learning curves, layer statistics and
 * histograms. Checked in both precisions, on a finite training set whose size (203) is not a multiple of the
 * batch (10), so the checkpoint falls mid-epoch and epochs end on short batches, and on online Shapeset; the
 * monitor measures every 20 updates (Jacobians every 2nd point), so points fall before and after k = 47.
 */
class BitwiseResumeTest {
  private static final long UPDATES = 130;
  private static final long K = 47;
  private static final MonitorSpec MONITOR = new MonitorSpec(true, 40, 2, 20, 2, 2, 0, 10);

  @ParameterizedTest
  @EnumSource(Precision.class)
  void aFiniteEpochTrialResumesBitForBit(Precision precision) throws Exception {
    Dataset clusters = SeparableClusters.create(8, 3, 203, 42);
    assertResumesBitForBit(spec(8, 3, "separable-clusters", precision), clusters);
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void anOnlineShapesetTrialResumesBitForBit(Precision precision) throws Exception {
    Dataset shapeset = new ShapesetDataset(new ShapesetOptions(3, 0, 60, 60, PixelRange.MINUS_ONE_TO_ONE));
    assertResumesBitForBit(
        spec(shapeset.inputSize(), shapeset.classes(), "shapeset", precision), shapeset);
  }

  private static void assertResumesBitForBit(TrialSpec spec, Dataset dataset) throws Exception {
    TrialRunner runner = new TrialRunner(data -> dataset);
    TrialResult uninterrupted = runner.run(spec);

    MemoryCheckpointStore saving = new MemoryCheckpointStore(spec.training().precision());
    TrialResult checkpointed =
        runner.run(spec, null, new CheckpointInterval(K, Duration.ZERO), saving);
    assertEquals(List.of(K, 2 * K), saving.savedUpdates(), "no checkpoint at T");
    assertSameTrial(uninterrupted, checkpointed);
    assertEquals(OptionalLong.empty(), checkpointed.resumedFromUpdate());

    MemoryCheckpointStore atK = MemoryCheckpointStore.holding(spec.training().precision(), saving.saved().get(0));
    TrialResult resumed = runner.run(spec, null, CheckpointInterval.NEVER, atK);
    assertEquals(List.of(), atK.rejections());
    assertEquals(OptionalLong.of(K), resumed.resumedFromUpdate());
    assertSameTrial(uninterrupted, resumed);
  }

  private static void assertSameTrial(TrialResult expected, TrialResult actual) {
    assertEquals(expected.status(), actual.status());
    assertEquals(expected.updatesDone(), actual.updatesDone());
    assertEquals(expected.weightsSha256(), actual.weightsSha256());
    assertEquals(expected.curve(), actual.curve());
    assertEquals(expected.layerStatistics(), actual.layerStatistics());
    assertEquals(expected.histograms(), actual.histograms());
    assertFalse(actual.histograms().isEmpty());
    assertTrue(actual.curve().stream().anyMatch(p -> p.update() < K));
    assertTrue(actual.curve().stream().anyMatch(p -> p.update() > K && p.update() < UPDATES));
  }

  static TrialSpec spec(int inputs, int classes, String data, Precision precision) {
    return new TrialSpec(
        new NetworkSpec(inputs, List.of(12, 7), classes, Activation.TANH, Initializer.NORMALIZED, 1.0),
        new TrainingSpec(Cost.NLL, 10, 0.1, UPDATES, precision),
        DataSpec.named(data),
        MONITOR,
        11);
  }
}
