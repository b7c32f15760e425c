package org.glorotsweep.core.data;

import java.util.Arrays;

/**
 * A fixed, immutable set of labelled examples held as float32, one example per row. A loaded set is shared
 * read-only by every trial in a JVM, so nothing hands out its arrays.
 */
public final class LabeledSet {
  private final float[] features;
  private final int[] labels;
  private final int inputSize;
  private final int classes;

  /**
   * Wraps (does not copy) the given arrays; the caller gives up ownership.
   *
   * @param features {@code labels.length * inputSize} values, row-major
   * @param labels one class in [0, classes) per example
   * @param inputSize values per example, &ge; 1
   * @param classes number of classes K, &ge; 2
   * @throws IllegalArgumentException when the sizes disagree or a label is outside [0, K)
   */
  public LabeledSet(float[] features, int[] labels, int inputSize, int classes) {
    if (inputSize < 1 || classes < 2) {
      throw new IllegalArgumentException(
          "a labelled set needs input size >= 1 and classes >= 2, got " + inputSize + " and " + classes);
    }
    if ((long) labels.length * inputSize != features.length) {
      throw new IllegalArgumentException(
          "features hold " + features.length + " values, expected " + labels.length + " examples x "
              + inputSize + " inputs");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label of example " + i + " is " + labels[i] + ", expected 0.." + (classes - 1));
      }
    }
    this.features = features;
    this.labels = labels;
    this.inputSize = inputSize;
    this.classes = classes;
  }

  /** The number of examples. */
  public int size() {
    return labels.length;
  }

  /** Values per example. */
  public int inputSize() {
    return inputSize;
  }

  /** The number of classes K. */
  public int classes() {
    return classes;
  }

  /** The label of example {@code index}. */
  public int label(int index) {
    return labels[index];
  }

  /** Value {@code column} of example {@code row}. */
  public float feature(int row, int column) {
    return features[row * inputSize + column];
  }

  /**
   * Copies examples [first, first + count) into {@code destFeatures} (row-major, from index 0) and their
   * labels into {@code destLabels} (from index 0).
   */
  public void copyRows(int first, int count, float[] destFeatures, int[] destLabels) {
    System.arraycopy(features, first * inputSize, destFeatures, 0, count * inputSize);
    System.arraycopy(labels, first, destLabels, 0, count);
  }

  /** Copies example {@code source} into row {@code destRow} of a row-major batch. */
  public void copyRow(int source, float[] destFeatures, int[] destLabels, int destRow) {
    System.arraycopy(features, source * inputSize, destFeatures, destRow * inputSize, inputSize);
    destLabels[destRow] = labels[source];
  }

  /** The first {@code count} examples as a new set (for evaluating on a subset). */
  public LabeledSet head(int count) {
    if (count >= labels.length) {
      return this;
    }
    return new LabeledSet(
        Arrays.copyOf(features, count * inputSize), Arrays.copyOf(labels, count), inputSize, classes);
  }
}
