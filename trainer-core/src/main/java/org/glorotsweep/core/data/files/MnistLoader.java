package org.glorotsweep.core.data.files;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.glorotsweep.core.data.DataOptions;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetLoader;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.hash.Fingerprints;
import org.glorotsweep.core.spec.DataSpec;

/**
 * The catalogue entries {@code mnist} and {@code fashion-mnist}: 28 x 28 grey images (784 inputs), 10 classes,
 * in the four files of the official distribution, each raw or gzipped (train-images-idx3-ubyte[.gz],
 * train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]). The paper's split
 * (paper-spec section 2): the first 50,000 of the official training file for training, its last 10,000 for
 * validation, the official 10,000 for test; pixels g / 255 in [0, 1].
 *
 * <p>Options: {@code path}, the directory holding the files (for {@code fashion-mnist} it defaults to
 * {@value #FASHION_MNIST_DEBIAN_PATH}, where Debian's package {@code dataset-fashion-mnist} installs them);
 * {@code validation_size}, the examples taken from the end of the training file (default 10,000).
 */
public final class MnistLoader implements DatasetLoader {
  /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
  public static final String FASHION_MNIST_DEBIAN_PATH = "/usr/share/datasets/fashion-mnist";
  /** Every option name the data sets accept. */
  public static final List<String> OPTIONS = List.of("path", "validation_size");

  private static final int[] IMAGE_SHAPE = {28, 28};
  private static final int CLASSES = 10;
  private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  private final FileOpener files;
  private final String defaultPath;

  private MnistLoader(FileOpener files, String defaultPath) {
    this.files = files;
    this.defaultPath = defaultPath;
  }

  /** MNIST; option {@code path} is required. */
  public static MnistLoader mnist(FileOpener files) {
    return new MnistLoader(files, null);
  }

  /** Fashion-MNIST; option {@code path} defaults to {@value #FASHION_MNIST_DEBIAN_PATH}. */
  public static MnistLoader fashionMnist(FileOpener files) {
    return new MnistLoader(files, FASHION_MNIST_DEBIAN_PATH);
  }

  /**
   * Checks what is cheap before any trial runs, reading no pixels: the options, the four files' headers against
   * their lengths, the labels against the 10 classes, one label per image, and that the training file holds more
   * than {@code validation_size} examples. A problem is attributed to option {@code path} (or to {@code
   * validation_size} for the split).
   */
  @Override
  public DatasetShape shape(DataSpec spec) throws IOException {
    DataOptions options = DataOptions.check(spec, OPTIONS);
    String directory = directory(options);
    int validationSize = HeldOutSplit.validationSize(options);
    try {
      IdxExampleFiles training = checkCheaply(directory, TRAIN_IMAGES, TRAIN_LABELS);
      checkCheaply(directory, TEST_IMAGES, TEST_LABELS);
      HeldOutSplit.of(training.count(), validationSize, training.images().location());
    } catch (DataFileException e) {
      throw e.withOption("path");
    }
    return new DatasetShape(IMAGE_SHAPE[0] * IMAGE_SHAPE[1], CLASSES);
  }

  @Override
  public Dataset load(DataSpec spec) throws IOException {
    DataOptions options = DataOptions.check(spec, OPTIONS);
    String directory = directory(options);
    int validationSize = HeldOutSplit.validationSize(options);
    IdxExamples official = readChecked(directory, TRAIN_IMAGES, TRAIN_LABELS);
    IdxExamples testFiles = readChecked(directory, TEST_IMAGES, TEST_LABELS);
    HeldOutSplit split =
        HeldOutSplit.of(official.count(), validationSize, official.imagesHeader().location());
    LabeledSet training = official.slice(0, split.trainingCount(), CLASSES);
    LabeledSet validation = official.slice(split.trainingCount(), split.total(), CLASSES);
    LabeledSet test = testFiles.slice(0, testFiles.count(), CLASSES);
    String fingerprint =
        Fingerprints.ofText(
            "idx 28x28 ubyte, 10 classes, pixels g/255; " + split.describe() + "; training file: "
                + official.digests() + "; test file: " + testFiles.digests());
    return new FixedSplitDataset(spec.name(), fingerprint, training, validation, test);
  }

  private String directory(DataOptions options) {
    return defaultPath == null
        ? options.required("path", "the directory holding the four MNIST IDX files")
        : options.text("path", defaultPath);
  }

  private IdxExampleFiles checkCheaply(String directory, String images, String labels) throws IOException {
    IdxExampleFiles pair = IdxExampleFiles.check(files, locate(directory, images), locate(directory, labels));
    requireImageShape(pair.images());
    pair.labels().requireLabelsBelow(CLASSES);
    return pair;
  }

  private IdxExamples readChecked(String directory, String images, String labels) throws IOException {
    IdxExamples examples =
        IdxExamples.read(files, locate(directory, images), locate(directory, labels));
    requireImageShape(examples.imagesHeader());
    examples.requireLabelsBelow(CLASSES);
    return examples;
  }

  private static void requireImageShape(IdxHeader header) throws DataFileException {
    IdxExamples.requireImages(header);
    if (!Arrays.equals(header.exampleShape(), IMAGE_SHAPE)) {
      throw new DataFileException(
          header.location(), "declares images of " + header.shape() + ", expected N x 28 x 28 for MNIST");
    }
  }

  /** The gzipped file if present, else the raw one. */
  private String locate(String directory, String name) throws IOException {
    String gzipped = files.resolve(directory, name + ".gz");
    if (files.exists(gzipped)) {
      return gzipped;
    }
    String raw = files.resolve(directory, name);
    if (files.exists(raw)) {
      return raw;
    }
    throw new DataFileException(raw, "file not found (nor " + gzipped + ")");
  }
}
