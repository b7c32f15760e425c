package org.glorotsweep.core.data;

import java.util.SplittableRandom;

/**
 * Mini-batches from a finite training set of N examples, cycled in epochs: each epoch visits every example
 * once, in an order drawn afresh by a Fisher-Yates shuffle, and batches never straddle two epochs, so the last
 * batch of an epoch holds N mod B examples when B does not divide N.
 *
 * <p>Each epoch's shuffle permutes the previous epoch's order, so the state after e epochs is the order after e
 * shuffles and the random stream after e x (N - 1) draws; {@link #skip} replays the shuffles (about N random
 * integers per epoch: well under a second for a week-long MNIST trial) rather than storing the random stream's
 * state, which {@link SplittableRandom} does not expose.
 */
public final class ShuffledEpochStream implements TrainingStream {
  private final ExampleRows rows;
  private final SplittableRandom order;
  private final int[] permutation;
  private int nextInEpoch;
  private long epochsStarted;

  /**
   * A stream whose first epoch starts at the first call to {@link #nextBatch}.
   *
   * @param size N, the number of examples, &ge; 1
   * @param rows copies example i (0 &le; i &lt; N) into a batch row
   * @param order draws the epochs' orders; the stream owns it from now on. Modified.
   */
  public ShuffledEpochStream(int size, ExampleRows rows, SplittableRandom order) {
    if (size < 1) {
      throw new IllegalArgumentException("a training set needs at least 1 example, got " + size);
    }
    this.rows = rows;
    this.order = order;
    this.permutation = new int[size];
    for (int i = 0; i < size; i++) {
      permutation[i] = i;
    }
    this.nextInEpoch = size;
  }

  @Override
  public int nextBatch(int maxRows, float[] features, int[] labels) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + maxRows);
    }
    if (nextInEpoch == permutation.length) {
      startEpoch();
    }
    int count = Math.min(maxRows, permutation.length - nextInEpoch);
    for (int row = 0; row < count; row++) {
      rows.copyRow(permutation[nextInEpoch + row], features, labels, row);
    }
    nextInEpoch += count;
    return count;
  }

  /** (epochs started - 1) N + the examples drawn in the current epoch; 0 before the first epoch. */
  @Override
  public long examplesDrawn() {
    return (epochsStarted - 1) * permutation.length + nextInEpoch;
  }

  /** Replays the shuffles of the ceil(examples / N) epochs started, then stands at the same place. */
  @Override
  public void skip(long examples) {
    if (examplesDrawn() != 0) {
      throw new IllegalStateException("only a fresh stream can skip, this one drew " + examplesDrawn());
    }
    if (examples < 0) {
      throw new IllegalArgumentException("cannot skip " + examples + " examples");
    }
    int size = permutation.length;
    long epochs = examples == 0 ? 0 : (examples - 1) / size + 1;
    for (long e = 0; e < epochs; e++) {
      startEpoch();
    }
    nextInEpoch = epochs == 0 ? size : (int) (examples - (epochs - 1) * size);
  }

  private void startEpoch() {
    shuffle();
    nextInEpoch = 0;
    epochsStarted++;
  }

  /** Fisher-Yates: for i = N-1 down to 1, swap entry i with a uniform entry j in [0, i]. */
  private void shuffle() {
    for (int i = permutation.length - 1; i > 0; i--) {
      int j = order.nextInt(i + 1);
      int swapped = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swapped;
    }
  }
}
