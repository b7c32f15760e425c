package org.glorotsweep.core.data;

/**
 * The examples one trial trains on, in order, one mini-batch at a time. A stream is owned by a single trial
 * and is a deterministic function of the data set and the trial's data-order random stream, so its whole state
 * is the number of examples it has drawn: a fresh stream built from the same random stream and advanced by
 * {@link #skip} continues exactly where another left off (this is how a trial resumes from a checkpoint).
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

  /** The number of examples drawn so far: the sum of every {@link #nextBatch} result. */
  long examplesDrawn();

  /**
   * Advances a fresh stream to where a stream of the same data set and random stream stood after drawing
   * {@code examples} examples, consuming the random stream exactly as drawing them would have.
   *
   * @param examples a value {@link #examplesDrawn} returned, &ge; 0
   * @throws IllegalStateException when this stream has already drawn examples
   * @throws IllegalArgumentException when no sequence of batches could have drawn {@code examples}
   */
  void skip(long examples);
}
