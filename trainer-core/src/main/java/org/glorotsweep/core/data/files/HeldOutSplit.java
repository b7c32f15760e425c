package org.glorotsweep.core.data.files;

import org.glorotsweep.core.data.DataOptions;

/**
 * The paper's split of an official training set of T examples (paper-spec section 2): the first T - V for
 * training, the last V for validation (MNIST: 50,000 + 10,000; CIFAR-10: 40,000 + 10,000).
 *
 * @param total T
 * @param validationSize V, 1 &le; V &lt; T
 */
record HeldOutSplit(int total, int validationSize) {
  /** The option that sets V. */
  static final String OPTION = "validation_size";
  /** The paper's validation size, 10,000. */
  static final int PAPER_VALIDATION_SIZE = 10_000;

  /** V as option {@value #OPTION} gives it, by default {@value #PAPER_VALIDATION_SIZE}. */
  static int validationSize(DataOptions options) {
    return options.integer(OPTION, PAPER_VALIDATION_SIZE, 1);
  }

  /**
   * The split of {@code total} examples read from {@code location}.
   *
   * @throws DataFileException attributed to option {@value #OPTION}, when the file holds too few examples to
   *     leave any for training
   */
  static HeldOutSplit of(int total, int validationSize, String location) throws DataFileException {
    if (total <= validationSize) {
      throw new DataFileException(
              location,
              "holds " + total + " training examples; the split needs more than validation_size = "
                  + validationSize)
          .withOption(OPTION);
    }
    return new HeldOutSplit(total, validationSize);
  }

  /** T - V, the number of training examples. */
  int trainingCount() {
    return total - validationSize;
  }

  /** How the split was made, for the fingerprint. */
  String describe() {
    return "training = first " + trainingCount() + ", validation = last " + validationSize + " of " + total;
  }
}
