package org.glorotsweep.core.data;

/**
 * What a network needs to know about a data set before any example is read: n_0 = values per example and
 * K = the number of classes (the width of the softmax layer).
 *
 * @param inputSize values per example, &ge; 1
 * @param classes number of classes K, &ge; 2
 */
public record DatasetShape(int inputSize, int classes) {

  /** Rejects sizes no network could use. */
  public DatasetShape {
    if (inputSize < 1 || classes < 2) {
      throw new IllegalArgumentException(
          "a data set needs input size >= 1 and classes >= 2, got " + inputSize + " and " + classes);
    }
  }

  /** The shape of a loaded data set. */
  public static DatasetShape of(Dataset dataset) {
    return new DatasetShape(dataset.inputSize(), dataset.classes());
  }
}
