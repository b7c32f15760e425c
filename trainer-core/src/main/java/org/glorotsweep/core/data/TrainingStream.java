package org.glorotsweep.core.data;

/**
 * The examples one trial trains on, in order, one mini-batch at a time. A stream is owned by a single trial
 * and is a deterministic function of the data set and the trial's data-order random stream.
 */
public interface TrainingStream {

  /**
   * Fills the next mini-batch.
   *
   * @param maxRows the batch size B
   * @param features receives the examples, row-major from index 0. Modified.
   * @param labels receives their labels from index 0. Modified.
   * @return the number of rows filled, in [1, B]; fewer than B only for the last batch of an epoch of a
   *     finite training set
   */
  int nextBatch(int maxRows, float[] features, int[] labels);
}
