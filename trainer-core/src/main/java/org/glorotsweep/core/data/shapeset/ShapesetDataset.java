package org.glorotsweep.core.data.shapeset;

import java.util.SplittableRandom;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.ShuffledEpochStream;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.hash.Fingerprints;

/**
 * Shapeset-3x2 as a {@link Dataset} (Glorot and Bengio 2010, section 2.1): 1024 inputs, 9 classes, examples from
 * a {@link ShapesetGenerator}. Streams are disjoint by construction: the validation set is stream 0, the test set
 * stream 1, a fixed training set stream 2, and each online training stream has an id with the top bit set
 * (negative), drawn from the trial's data-order generator, so no training example can be a held-out one.
 */
public final class ShapesetDataset implements Dataset {
  /** The catalogue name. */
  public static final String NAME = "shapeset";
  /** The stream of the validation set. */
  public static final long VALIDATION_STREAM = 0;
  /** The stream of the test set. */
  public static final long TEST_STREAM = 1;
  /** The stream of the fixed training set (finite-sample mode). */
  public static final long FIXED_TRAINING_STREAM = 2;

  private final ShapesetOptions options;
  private final String fingerprint;
  private final LabeledSet validation;
  private final LabeledSet test;

  /** Generates the validation and test sets (about 3 microseconds per example). */
  public ShapesetDataset(ShapesetOptions options) {
    this.options = options;
    this.fingerprint = fingerprint(options, ShapesetGenerator.VERSION);
    this.validation = generateSet(VALIDATION_STREAM, options.validationSize());
    this.test = generateSet(TEST_STREAM, options.testSize());
  }

  /**
   * The fingerprint of the data set that generator version {@code generatorVersion} makes from {@code options}:
   * SHA-256 of {@code "shapeset-3x2 generator v<version>;<options.canonical()>"}. With the current {@link
   * ShapesetGenerator#VERSION} it is {@link #fingerprint()}; with an earlier version it names the data an earlier
   * build made, so results of two generators can be told apart without regenerating anything.
   */
  public static String fingerprint(ShapesetOptions options, int generatorVersion) {
    return Fingerprints.ofText("shapeset-3x2 generator v" + generatorVersion + ";" + options.canonical());
  }

  /** The id of an online training stream: the top bit set, the other 63 from {@code randomBits}. */
  static long onlineStreamId(long randomBits) {
    return Long.MIN_VALUE | (randomBits >>> 1);
  }

  private LabeledSet generateSet(long stream, int size) {
    ShapesetGenerator generator = newGenerator();
    float[] features = new float[size * ShapesetGenerator.PIXELS];
    int[] labels = new int[size];
    for (int i = 0; i < size; i++) {
      labels[i] = generator.generate(stream, i, features, i);
    }
    return new LabeledSet(features, labels, ShapesetGenerator.PIXELS, ShapesetGenerator.CLASSES);
  }

  private ShapesetGenerator newGenerator() {
    return new ShapesetGenerator(options.dataSeed(), options.pixelRange());
  }

  /** The options this data set was made with. */
  public ShapesetOptions options() {
    return options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int inputSize() {
    return ShapesetGenerator.PIXELS;
  }

  @Override
  public int classes() {
    return ShapesetGenerator.CLASSES;
  }

  /** SHA-256 of the generator version and every option. */
  @Override
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Online: a fresh stream whose id is drawn from {@code dataOrder}. Finite: epochs over examples
   * 0..N-1 of the fixed training stream, regenerated on demand (no memory held), shuffled by a generator split
   * off {@code dataOrder}.
   */
  @Override
  public TrainingStream trainingStream(SplittableRandom dataOrder) {
    ShapesetGenerator generator = newGenerator();
    if (options.online()) {
      return new OnlineShapesetStream(generator, onlineStreamId(dataOrder.nextLong()));
    }
    return new ShuffledEpochStream(
        options.trainingSize(),
        (example, features, labels, row) ->
            labels[row] = generator.generate(FIXED_TRAINING_STREAM, example, features, row),
        dataOrder.split());
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
