package org.glorotsweep.core.train;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often a trial saves a checkpoint: after every {@code updates} updates and/or every {@code wallTime} of
 * training, whichever comes first; both counted from the last checkpoint (or the start). Zero turns a bound
 * off; {@link #NEVER} turns checkpoints off.
 *
 * @param updates updates between checkpoints, 0 for no bound
 * @param wallTime wall time between checkpoints, {@link Duration#ZERO} for no bound
 */
public record CheckpointInterval(long updates, Duration wallTime) implements Serializable {

  /** No checkpoints. */
  public static final CheckpointInterval NEVER = new CheckpointInterval(0, Duration.ZERO);

  /** Rejects negative bounds. */
  public CheckpointInterval {
    if (updates < 0 || wallTime == null || wallTime.isNegative()) {
      throw new IllegalArgumentException(
          "a checkpoint interval needs updates >= 0 and a wall time >= 0, got " + updates + ", " + wallTime);
    }
  }

  /** Whether checkpoints are saved at all. */
  public boolean enabled() {
    return updates > 0 || !wallTime.isZero();
  }

  /** Whether a checkpoint is due {@code updates} updates and {@code nanos} ns after the last one. */
  boolean due(long updatesSince, long nanosSince) {
    return (updates > 0 && updatesSince >= updates) || (!wallTime.isZero() && nanosSince >= wallTime.toNanos());
  }
}
