package org.glorotsweep.sweep.config;

import java.io.Serializable;
import java.time.Duration;
import org.glorotsweep.core.train.CheckpointInterval;
import org.glorotsweep.sweep.grid.CostModel;
import org.glorotsweep.sweep.grid.PlannedTrial;

/**
 * When a sweep's trials save checkpoints: the sweep file's {@code checkpoint_every}, or the default.
 *
 * <p>The default checkpoints every {@link #DEFAULT_WALL_TIME} of training, and only trials whose {@linkplain
 * CostModel#relativeCost relative cost} (updates x batch size x parameters) is at least {@link
 * #DEFAULT_MINIMUM_RELATIVE_COST}: at about 6 flops per parameter and example and a conservative 5 Gflop/s
 * per core, a trial of about 5 minutes or more. A shorter trial loses little when it restarts, and would pay
 * for a checkpoint it never needs. The decision is made on every executor alike, without timing anything. Thirty minutes bounds what a lost executor costs to half an hour
 * of one core, while a 5x1000 float32 checkpoint (20 MB) every 30 minutes costs far under 1% of the time (see
 * the README's measurement).
 *
 * @param explicit the interval the sweep file gives every trial ({@link CheckpointInterval#NEVER} for {@code
 *     off}), or null for the default
 */
public record CheckpointPolicy(CheckpointInterval explicit) implements Serializable {
  /** The default interval of wall time between checkpoints. */
  public static final Duration DEFAULT_WALL_TIME = Duration.ofMinutes(30);

  /** The relative cost below which the default saves no checkpoints: 5 min x 5e9 flop/s / 6 flops. */
  public static final double DEFAULT_MINIMUM_RELATIVE_COST = 5 * 60 * 5e9 / 6;

  /** The default policy. */
  public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(null);

  /** The interval {@code trial} saves checkpoints at. */
  public CheckpointInterval intervalFor(PlannedTrial trial) {
    if (explicit != null) {
      return explicit;
    }
    return trial.relativeCost() >= DEFAULT_MINIMUM_RELATIVE_COST
        ? new CheckpointInterval(0, DEFAULT_WALL_TIME)
        : CheckpointInterval.NEVER;
  }
}
