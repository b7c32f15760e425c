package org.glorotsweep.core.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where one trial's checkpoints live: the runner resumes from the latest, saves new ones over it, and reports
 * a latest one it could not use. Implementations decide the medium (the sweep driver's is a file on the
 * output's file system) and report their own failures: a save that fails must not stop the trial, which then
 * simply has an older (or no) checkpoint to resume from.
 */
public interface CheckpointStore {

  /** A store that has no checkpoints and keeps none. */
  CheckpointStore NONE =
      new CheckpointStore() {
        @Override
        public Optional<InputStream> openLatest() {
          return Optional.empty();
        }

        @Override
        public void save(TrialCheckpoint checkpoint) {}

        @Override
        public void rejected(InvalidCheckpointException reason) {}
      };

  /** The latest checkpoint saved for the trial, opened for reading (the caller closes it), or empty. */
  Optional<InputStream> openLatest() throws IOException;

  /** Replaces the latest checkpoint with {@code checkpoint}, atomically: a reader sees the old or the new. */
  void save(TrialCheckpoint checkpoint);

  /** Told that the latest checkpoint was not resumed from, and why; the trial starts afresh. */
  void rejected(InvalidCheckpointException reason);
}
