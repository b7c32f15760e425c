package org.glorotsweep.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.ejml.data.DMatrixRMaj;
import org.glorotsweep.core.checkpoint.CheckpointFormat;
import org.glorotsweep.core.checkpoint.CheckpointIdentity;
import org.glorotsweep.core.checkpoint.TrialCheckpoint;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.Evaluation;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.TrainingProgress;
import org.glorotsweep.sweep.results.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial's checkpoint on the local Hadoop file system: a second save replaces the first, nothing but the
 * checkpoint is left beside it (no {@code .crc}, no temporary file), {@code status}'s listing reads its update,
 * and deleting it after the commit leaves the directory empty.
 */
class HadoopCheckpointStoreTest {
  private static final TrialSpec SPEC = new TrialSpec(
      NetworkSpec.uniform(3, 1, 2, 2, Activation.TANH, Initializer.NORMALIZED),
      new TrainingSpec(Cost.NLL, 1, 0.1, 1000, Precision.FLOAT32), DataSpec.named("any"),
      MonitorSpec.CURVES_ONLY, 1);

  @TempDir Path temp;

  @Test
  void aSaveReplacesTheLastCheckpointAndLeavesNothingElse() throws Exception {
    OutputLayout layout = new OutputLayout(new org.apache.hadoop.fs.Path(temp.toUri()), "s");
    HadoopCheckpointStore store =
        HadoopCheckpointStore.of(layout, "trial1", Precision.FLOAT32, new Configuration());
    store.save(checkpointAt(100));
    store.save(checkpointAt(200));

    Path directory = Path.of(layout.checkpointDirectory().toUri());
    assertEquals(List.of("trial1.ckpt"), names(directory));
    try (InputStream in = store.openLatest().orElseThrow()) {
      assertEquals(200, CheckpointFormat.read(in, SPEC, "k", "d").update());
    }
    List<CheckpointListing.InProgress> listed = CheckpointListing.of(temp.toString(), new Configuration());
    assertEquals(1, listed.size());
    assertEquals("s", listed.get(0).sweep());
    assertEquals("trial1", listed.get(0).trialId());
    assertEquals(OptionalLong.of(200), listed.get(0).update());

    store.delete();
    assertEquals(List.of(), names(directory));
    assertTrue(store.openLatest().isEmpty());
  }

  private static TrialCheckpoint checkpointAt(long update) {
    CurvePoint start = new CurvePoint(0, OptionalDouble.empty(), new Evaluation(0.5, 1), new Evaluation(0.5, 1));
    return new TrialCheckpoint(
        CheckpointIdentity.of(SPEC, "k", "d"), Duration.ofSeconds(1).toNanos(),
        new TrainingProgress(update, update, 0.0, 0, List.of(start)), List.of(), List.of(),
        List.of(new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 2)), List.of(new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 2)));
  }

  private static List<String> names(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
