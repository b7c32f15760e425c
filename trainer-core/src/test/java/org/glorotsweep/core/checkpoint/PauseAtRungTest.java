package org.glorotsweep.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalLong;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.train.CheckpointInterval;
import org.junit.jupiter.api.Test;

/**
 * A trial paused at the rungs of a search (after updates 40 and 80, points of its every-20 schedule) and
 * continued from the checkpoint each pause leaves ends with the bits of a run of all T = 130 updates that
 * never paused; each pause is the uninterrupted run cut at that point, and asking a paused trial to stop where
 * it stands again trains nothing and gives the same state.
 */
class PauseAtRungTest {
  private static final Dataset CLUSTERS = SeparableClusters.create(8, 3, 203, 42);
  private static final TrialSpec SPEC = BitwiseResumeTest.spec(8, 3, "separable-clusters", Precision.FLOAT32);
  private static final TrialRunner RUNNER = new TrialRunner(data -> CLUSTERS);

  @Test
  void pausesAtRungsAndContinuesBitForBit() throws Exception {
    TrialResult uninterrupted = RUNNER.run(SPEC);
    MemoryCheckpointStore store = new MemoryCheckpointStore(Precision.FLOAT32);

    TrialResult rung0 = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, 40);
    assertPausedAt(40, uninterrupted, rung0);
    assertEquals(List.of(40L), store.savedUpdates(), "a pause saves its checkpoint even with checkpoints off");

    TrialResult rung1 = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, 80);
    assertPausedAt(80, uninterrupted, rung1);
    assertEquals(OptionalLong.of(40), rung1.resumedFromUpdate());

    TrialResult end = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, SPEC.training().updates());
    assertEquals(List.of(40L, 80L), store.savedUpdates(), "no checkpoint at T");
    assertEquals(TrialStatus.OK, end.status());
    assertEquals(uninterrupted.weightsSha256(), end.weightsSha256());
    assertEquals(uninterrupted.curve(), end.curve());
    assertEquals(uninterrupted.layerStatistics(), end.layerStatistics());
    assertEquals(uninterrupted.histograms(), end.histograms());
    assertEquals(List.of(), store.rejections());
  }

  @Test
  void stoppingWhereTheCheckpointStandsTrainsNothing() throws Exception {
    MemoryCheckpointStore store = new MemoryCheckpointStore(Precision.FLOAT32);
    TrialResult paused = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, 80);

    TrialResult again = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, 80);
    assertEquals(List.of(80L), store.savedUpdates(), "nothing trained, nothing saved");
    assertEquals(OptionalLong.of(80), again.resumedFromUpdate());
    assertEquals(TrialStatus.STOPPED, again.status());
    assertEquals(paused.weightsSha256(), again.weightsSha256());
    assertEquals(paused.curve(), again.curve());
    assertEquals(paused.layerStatistics(), again.layerStatistics());
  }

  @Test
  void aCheckpointBeyondTheStopIsNotResumedFrom() throws Exception {
    MemoryCheckpointStore store = new MemoryCheckpointStore(Precision.FLOAT32);
    RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, 80);

    TrialResult earlier = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store, 40);
    assertEquals(OptionalLong.empty(), earlier.resumedFromUpdate());
    assertEquals(1, store.rejections().size());
    assertEquals(40, earlier.updatesDone());
  }

  @Test
  void aStopOffTheScheduleIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RUNNER.run(SPEC, null, CheckpointInterval.NEVER, new MemoryCheckpointStore(Precision.FLOAT32), 50));
    assertEquals("a trial can stop after a measurement point between update 0 and 130, not after update 50",
        e.getMessage());
  }

  private static void assertPausedAt(long update, TrialResult uninterrupted, TrialResult paused) {
    assertEquals(TrialStatus.STOPPED, paused.status());
    assertEquals(update, paused.updatesDone());
    assertEquals(update, paused.lastPoint().update());
    assertEquals(uninterrupted.curve().stream().filter(p -> p.update() <= update).toList(), paused.curve());
    assertEquals(uninterrupted.layerStatistics().stream().filter(s -> s.update() <= update).toList(),
        paused.layerStatistics());
    assertEquals(uninterrupted.histograms().stream().filter(h -> h.update() <= update).toList(),
        paused.histograms());
  }
}
