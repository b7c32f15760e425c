package org.glorotsweep.core.data;

import java.util.SplittableRandom;

/**
 * A data set read from files: three fixed labelled sets, the training set cycled in shuffled epochs
 * ({@link ShuffledEpochStream}). Immutable; the sets are shared read-only by every trial.
 */
public final class FixedSplitDataset implements Dataset {
  private final String name;
  private final String fingerprint;
  private final LabeledSet training;
  private final LabeledSet validation;
  private final LabeledSet test;

  /**
   * @param name the catalogue name
   * @param fingerprint SHA-256 hex of what determines the examples
   * @throws IllegalArgumentException when the three sets disagree on input size or classes
   */
  public FixedSplitDataset(
      String name, String fingerprint, LabeledSet training, LabeledSet validation, LabeledSet test) {
    for (LabeledSet part : new LabeledSet[] {validation, test}) {
      if (part.inputSize() != training.inputSize() || part.classes() != training.classes()) {
        throw new IllegalArgumentException(
            name + ": the training set has " + training.inputSize() + " inputs and " + training.classes()
                + " classes, but another split has " + part.inputSize() + " and " + part.classes());
      }
    }
    this.name = name;
    this.fingerprint = fingerprint;
    this.training = training;
    this.validation = validation;
    this.test = test;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int inputSize() {
    return training.inputSize();
  }

  @Override
  public int classes() {
    return training.classes();
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  /** Epochs over the training set, shuffled by a stream split off {@code dataOrder}. */
  @Override
  public TrainingStream trainingStream(SplittableRandom dataOrder) {
    return new ShuffledEpochStream(training.size(), training::copyRow, dataOrder.split());
  }

  /** The training set. */
  public LabeledSet training() {
    return training;
  }

  @Override
  public LabeledSet validation() {
    return validation;
  }

  @Override
  public LabeledSet test() {
    return test;
  }
}
