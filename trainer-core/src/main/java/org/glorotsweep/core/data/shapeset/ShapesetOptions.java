package org.glorotsweep.core.data.shapeset;

import java.util.List;
import org.glorotsweep.core.data.DataOptions;
import org.glorotsweep.core.data.PixelRange;
import org.glorotsweep.core.spec.DataSpec;

/**
 * The options of the {@code shapeset} data set.
 *
 * @param dataSeed option {@code data_seed} (default 0): the root of every example, training, validation and
 *     test alike; trials that share it share their validation and test sets
 * @param trainingSize option {@code training_size} (default 0): 0 for online training, where every update sees
 *     fresh examples (the paper's protocol); N &gt; 0 for a fixed training set of N examples cycled in
 *     shuffled epochs (the paper compares an RBF SVM on N = 100,000)
 * @param validationSize option {@code validation_size} (default 10,000), &ge; 1
 * @param testSize option {@code test_size} (default 10,000), &ge; 1
 * @param pixelRange option {@code pixel_range}: {@code minus_one_to_one} (default) or {@code zero_to_one}
 */
public record ShapesetOptions(
    long dataSeed, int trainingSize, int validationSize, int testSize, PixelRange pixelRange) {

  /** Every option name the data set accepts. */
  public static final List<String> NAMES =
      List.of("data_seed", "pixel_range", "test_size", "training_size", "validation_size");

  /** The default held-out set size, 10,000 (the paper gives none; paper-spec section 2). */
  public static final int DEFAULT_HELD_OUT_SIZE = 10_000;

  /** Rejects sizes no data set could have. */
  public ShapesetOptions {
    if (trainingSize < 0 || validationSize < 1 || testSize < 1 || pixelRange == null) {
      throw new IllegalArgumentException(
          "shapeset options need training_size >= 0, validation_size >= 1, test_size >= 1 and a pixel range, got "
              + trainingSize + ", " + validationSize + ", " + testSize + ", " + pixelRange);
    }
  }

  /** The defaults with another data seed. */
  public static ShapesetOptions defaults(long dataSeed) {
    return new ShapesetOptions(
        dataSeed, 0, DEFAULT_HELD_OUT_SIZE, DEFAULT_HELD_OUT_SIZE, PixelRange.MINUS_ONE_TO_ONE);
  }

  /**
   * The options of a {@code shapeset} data spec.
   *
   * @throws IllegalArgumentException naming an unknown or malformed option
   */
  public static ShapesetOptions from(DataSpec spec) {
    DataOptions options = DataOptions.check(spec, NAMES);
    return new ShapesetOptions(
        options.longInteger("data_seed", 0),
        options.integer("training_size", 0, 0),
        options.integer("validation_size", DEFAULT_HELD_OUT_SIZE, 1),
        options.integer("test_size", DEFAULT_HELD_OUT_SIZE, 1),
        options.pixelRange("pixel_range", PixelRange.MINUS_ONE_TO_ONE));
  }

  /** Whether training is online (no fixed training set). */
  public boolean online() {
    return trainingSize == 0;
  }

  /** Every option with its value, in a fixed order: the text the fingerprint hashes. */
  public String canonical() {
    return "data_seed=" + dataSeed + ";pixel_range=" + pixelRange.configName() + ";test_size=" + testSize
        + ";training_size=" + trainingSize + ";validation_size=" + validationSize;
  }
}
