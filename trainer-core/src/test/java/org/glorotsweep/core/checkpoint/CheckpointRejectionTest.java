package org.glorotsweep.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.train.CheckpointInterval;
import org.glorotsweep.core.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint is never trusted: a wrong magic or format version, a bad digest, or a checkpoint of another
 * spec, maths version, kernel or data set is rejected with a reason naming what is wrong, and the trial starts
 * afresh and ends as an uninterrupted run does.
 */
class CheckpointRejectionTest {
  private static final FixedSplitDataset CLUSTERS = SeparableClusters.create(8, 3, 203, 42);
  private static final TrialSpec SPEC = BitwiseResumeTest.spec(8, 3, "separable-clusters", Precision.FLOAT32);
  private static final TrialRunner RUNNER = new TrialRunner(data -> CLUSTERS);
  private static TrialResult uninterrupted;
  private static byte[] valid;

  @BeforeAll
  static void trainOnce() throws Exception {
    uninterrupted = RUNNER.run(SPEC);
    MemoryCheckpointStore store = new MemoryCheckpointStore(Precision.FLOAT32);
    RUNNER.run(SPEC, null, new CheckpointInterval(50, Duration.ZERO), store);
    valid = store.saved().get(0);
  }

  @Test
  void aFileThatIsNotACheckpointIsRejected() throws Exception {
    byte[] bytes = valid.clone();
    bytes[0] = 'X';
    assertRestartsBecause(bytes, "does not start with the magic");
    assertRestartsBecause(new byte[3], "does not start with the magic");
  }

  @Test
  void anotherFormatVersionIsRejected() throws Exception {
    byte[] bytes = valid.clone();
    ByteBuffer.wrap(bytes).putInt(8, CheckpointFormat.VERSION + 1);
    assertRestartsBecause(bytes, "format version " + (CheckpointFormat.VERSION + 1));
  }

  @Test
  void aFlippedBitOrATruncationFailsTheDigest() throws Exception {
    byte[] flipped = valid.clone();
    flipped[flipped.length / 2] ^= 1;
    assertRestartsBecause(flipped, "bad digest");
    byte[] truncated = Arrays.copyOf(valid, valid.length - 100);
    assertRestartsBecause(truncated, "bad digest");
  }

  @Test
  void aCheckpointOfAnotherRunIsRejected() throws Exception {
    CheckpointIdentity own = CheckpointIdentity.of(SPEC, "any", "any");
    assertRestartsBecause(
        rewritten(id -> new CheckpointIdentity(own.specSha256().replace('a', 'b').replace('0', '1'),
            id.mathsVersion(), id.kernel(), id.dataFingerprint())),
        "another trial spec");
    assertRestartsBecause(
        rewritten(id -> new CheckpointIdentity(id.specSha256(), Trainer.MATHS_VERSION + 1, id.kernel(),
            id.dataFingerprint())),
        "maths version " + (Trainer.MATHS_VERSION + 1));
    assertRestartsBecause(
        rewritten(id -> new CheckpointIdentity(id.specSha256(), id.mathsVersion(), "some-other-kernel",
            id.dataFingerprint())),
        "kernel some-other-kernel");
    assertRestartsBecause(
        rewritten(id -> new CheckpointIdentity(id.specSha256(), id.mathsVersion(), id.kernel(), "0123")),
        "data with fingerprint 0123");
  }

  @Test
  void anotherSeedsCheckpointIsAnotherSpecs() throws Exception {
    TrialRunner runner = new TrialRunner(data -> CLUSTERS);
    MemoryCheckpointStore store = MemoryCheckpointStore.holding(Precision.FLOAT32, valid);
    TrialResult other = runner.run(SPEC.withSeed(12), null, CheckpointInterval.NEVER, store);
    assertEquals(OptionalLong.empty(), other.resumedFromUpdate());
    assertTrue(store.rejections().get(0).getMessage().contains("another trial spec"));
  }

  /** The valid checkpoint with its identity changed by {@code change}, written with a correct digest. */
  private static byte[] rewritten(UnaryOperator<CheckpointIdentity> change) throws Exception {
    TrialCheckpoint c =
        CheckpointFormat.read(
            new ByteArrayInputStream(valid), SPEC, uninterrupted.provenance().kernel(),
            uninterrupted.provenance().dataFingerprint());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CheckpointFormat.write(
        new TrialCheckpoint(change.apply(c.identity()), c.elapsedNanos(), c.progress(), c.statistics(),
            c.histograms(), c.weights(), c.biases()),
        Precision.FLOAT32, out);
    return out.toByteArray();
  }

  private static void assertRestartsBecause(byte[] checkpoint, String reason) throws Exception {
    MemoryCheckpointStore store = MemoryCheckpointStore.holding(Precision.FLOAT32, checkpoint);
    TrialResult result = RUNNER.run(SPEC, null, CheckpointInterval.NEVER, store);
    assertEquals(1, store.rejections().size());
    String message = store.rejections().get(0).getMessage();
    assertTrue(message.contains(reason), () -> "expected '" + reason + "' in: " + message);
    assertEquals(OptionalLong.empty(), result.resumedFromUpdate());
    assertEquals(uninterrupted.weightsSha256(), result.weightsSha256());
    assertEquals(uninterrupted.curve(), result.curve());
  }
}
