package org.glorotsweep.core.train;

import java.util.SplittableRandom;

/**
 * The one random number generator of a trial, split into independent streams so that no consumer can shift
 * another's draws: initialisation, data order and monitoring each get their own. The streams are split off
 * the root in a fixed order, so each is a function of the seed alone (no static or time-seeded state).
 *
 * <p>{@link SplittableRandom} does not expose its state, so a checkpoint captures each stream as the seed plus
 * what its one consumer has drawn: the initialisation stream is spent once the weights exist (a checkpoint
 * holds the weights), the data-order stream belongs to the training stream, whose position replays its draws
 * (see {@link org.glorotsweep.core.data.TrainingStream#skip}), and the monitoring stream is not drawn from
 * while training. A consumer that draws from a stream during training must therefore be able to say how far
 * it has drawn.
 */
public final class TrialRandom {
  private final SplittableRandom initialization;
  private final SplittableRandom dataOrder;
  private final SplittableRandom monitoring;

  /** The streams of the trial with this seed. */
  public TrialRandom(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    initialization = root.split();
    dataOrder = root.split();
    monitoring = root.split();
  }

  /** Draws the initial weights. */
  public SplittableRandom initialization() {
    return initialization;
  }

  /** Orders (or generates) the training examples. */
  public SplittableRandom dataOrder() {
    return dataOrder;
  }

  /** Picks monitor subsets; never touched by training. */
  public SplittableRandom monitoring() {
    return monitoring;
  }
}
