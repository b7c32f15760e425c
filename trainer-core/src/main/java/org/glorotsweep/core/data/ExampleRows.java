package org.glorotsweep.core.data;

/**
 * Random access to the examples of a finite training set: copies example {@code example} into row
 * {@code row} of a row-major mini-batch. {@link LabeledSet#copyRow} is one; a generator that recomputes the
 * example from its index is another.
 */
@FunctionalInterface
public interface ExampleRows {

  /**
   * Writes example {@code example} into a mini-batch.
   *
   * @param features receives the example at [row * inputSize, (row + 1) * inputSize). Modified.
   * @param labels receives its label at index {@code row}. Modified.
   */
  void copyRow(int example, float[] features, int[] labels, int row);
}
