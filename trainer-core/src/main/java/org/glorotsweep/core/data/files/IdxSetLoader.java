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
 * The catalogue entry {@code idx}: any data set a user brings as IDX files of unsigned bytes (how one brings the
 * paper's never-released Small-ImageNet, 37 x 37 grey and 10 classes, or their own), one images file and one
 * labels file for each of training, validation and test. Images of any shape are flattened row-major (inputs =
 * the product of the dimensions after the count) and must have the same shape in the three splits; pixels
 * g / 255 are in [0, 1].
 *
 * <p>Options: {@code train_images}, {@code train_labels}, {@code validation_images}, {@code validation_labels},
 * {@code test_images}, {@code test_labels} (required; locations, or file names inside {@code path} when
 * {@code path} is given); {@code classes}, K &ge; 2. Every label must be in 0..K-1. Without {@code classes}, K is
 * inferred as 1 + the largest label in the three labels files (so the last class must occur somewhere).
 */
public final class IdxSetLoader implements DatasetLoader {
  /** Every option name the data set accepts. */
  public static final List<String> OPTIONS =
      List.of(
          "classes", "path", "test_images", "test_labels", "train_images", "train_labels",
          "validation_images", "validation_labels");

  private static final List<String> SPLITS = List.of("train", "validation", "test");

  private final FileOpener files;

  /** @param files opens the IDX files */
  public IdxSetLoader(FileOpener files) {
    this.files = files;
  }

  /**
   * Checks what is cheap before any trial runs, reading no pixels: the options, each images file's header
   * against its length and the training images' shape, each whole labels file, one label per image, and every
   * label below {@code classes} (or K inferred from them). A problem with a file is attributed to the option that
   * names it; a label that {@code classes} does not allow, to {@code classes}.
   */
  @Override
  public DatasetShape shape(DataSpec spec) throws IOException {
    DataOptions options = DataOptions.check(spec, OPTIONS);
    IdxExampleFiles[] splits = new IdxExampleFiles[SPLITS.size()];
    int largestLabel = -1;
    for (int i = 0; i < SPLITS.size(); i++) {
      String images = SPLITS.get(i) + "_images";
      String labels = SPLITS.get(i) + "_labels";
      String imagesLocation = location(options, images);
      try {
        splits[i] = IdxExampleFiles.check(files, imagesLocation, location(options, labels));
        requireSameShape(splits[i].images(), splits[0].images());
      } catch (DataFileException e) {
        throw e.withOption(e.location().equals(imagesLocation) ? images : labels);
      }
      largestLabel = Math.max(largestLabel, splits[i].labels().maxValue());
    }
    int classes = classes(options, largestLabel);
    for (IdxExampleFiles split : splits) {
      try {
        split.labels().requireLabelsBelow(classes);
      } catch (DataFileException e) {
        throw e.withOption("classes");
      }
    }
    return new DatasetShape(splits[0].images().rowSize(), classes);
  }

  @Override
  public Dataset load(DataSpec spec) throws IOException {
    DataOptions options = DataOptions.check(spec, OPTIONS);
    IdxExamples[] splits = new IdxExamples[SPLITS.size()];
    int largestLabel = -1;
    StringBuilder digests = new StringBuilder("idx ubyte, pixels g/255");
    for (int i = 0; i < SPLITS.size(); i++) {
      String split = SPLITS.get(i);
      splits[i] =
          IdxExamples.read(files, location(options, split + "_images"), location(options, split + "_labels"));
      requireSameShape(splits[i].imagesHeader(), splits[0].imagesHeader());
      largestLabel = Math.max(largestLabel, splits[i].maxLabel());
      digests.append("; ").append(split).append(": ").append(splits[i].digests());
    }
    int classes = classes(options, largestLabel);
    LabeledSet[] sets = new LabeledSet[SPLITS.size()];
    for (int i = 0; i < SPLITS.size(); i++) {
      splits[i].requireLabelsBelow(classes);
      sets[i] = splits[i].slice(0, splits[i].count(), classes);
    }
    String fingerprint = Fingerprints.ofText(digests + "; classes=" + classes);
    return new FixedSplitDataset(spec.name(), fingerprint, sets[0], sets[1], sets[2]);
  }

  private String location(DataOptions options, String key) {
    String value = options.required(key, "the location of its " + key.replace('_', ' ') + " IDX file");
    return options.has("path") ? files.resolve(options.text("path", null), value) : value;
  }

  private static int classes(DataOptions options, int largestLabel) {
    if (options.has("classes")) {
      return options.integer("classes", 0, 2);
    }
    if (largestLabel < 1) {
      throw new IllegalArgumentException(
          "data.options.classes: absent, and the labels files hold no label above " + largestLabel
              + ", so K cannot be inferred; give classes >= 2");
    }
    return largestLabel + 1;
  }

  private static void requireSameShape(IdxHeader header, IdxHeader training) throws DataFileException {
    if (!Arrays.equals(header.exampleShape(), training.exampleShape())) {
      throw new DataFileException(
          header.location(),
          "holds images of shape " + Arrays.toString(header.exampleShape()) + ", but the training images ("
              + training.location() + ") have shape " + Arrays.toString(training.exampleShape()));
    }
  }
}
