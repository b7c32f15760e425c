package org.glorotsweep.core.data.files;

import java.io.IOException;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.PixelRange;

/**
 * A pair of IDX files holding examples: an images file (rank &ge; 2: count, then the image shape, flattened
 * row-major into one example) and a labels file (rank 1: one unsigned byte per example), with equal counts.
 * Pixels g become g / 255 in [0, 1].
 */
final class IdxExamples {
  private final IdxArray images;
  private final IdxArray labels;

  private IdxExamples(IdxArray images, IdxArray labels) {
    this.images = images;
    this.labels = labels;
  }

  /**
   * Reads and cross-checks the two files.
   *
   * @throws DataFileException naming the file that is missing, malformed, or whose count disagrees
   */
  static IdxExamples read(FileOpener files, String imagesLocation, String labelsLocation) throws IOException {
    IdxArray labels = IdxArray.read(files, labelsLocation);
    requireLabels(labels.header());
    IdxArray images = IdxArray.read(files, imagesLocation);
    requireImages(images.header());
    requireOneLabelPerImage(images.header(), labels.header());
    return new IdxExamples(images, labels);
  }

  /**
   * Checks that the labels file {@code labels} holds as many examples as the images file {@code images}.
   *
   * @throws DataFileException naming the labels file and both counts
   */
  static void requireOneLabelPerImage(IdxHeader images, IdxHeader labels) throws DataFileException {
    if (images.count() != labels.count()) {
      throw new DataFileException(
          labels.location(),
          "holds " + labels.count() + " labels, but the images file " + images.location() + " holds "
              + images.count() + " images; expected one label per image");
    }
  }

  /** Checks that {@code header} is an images file: a count and at least one image dimension. */
  static void requireImages(IdxHeader header) throws DataFileException {
    if (header.dimensions().length < 2) {
      throw new DataFileException(
          header.location(),
          "an images file needs at least 2 IDX dimensions (count, then the image shape), found "
              + header.shape());
    }
  }

  /** Checks that {@code header} is a labels file: exactly one dimension, the count. */
  static void requireLabels(IdxHeader header) throws DataFileException {
    if (header.dimensions().length != 1) {
      throw new DataFileException(
          header.location(),
          "a labels file needs exactly 1 IDX dimension (the count), found " + header.shape());
    }
  }

  /**
   * Checks that every label is in 0..classes-1.
   *
   * @throws DataFileException naming the labels file, the first bad label and its index
   */
  void requireLabelsBelow(int classes) throws DataFileException {
    labels.requireLabelsBelow(classes);
  }

  /** The largest label, or -1 when there are no examples. */
  int maxLabel() {
    return labels.maxValue();
  }

  /** The number of examples. */
  int count() {
    return images.header().count();
  }

  /** The images file's header. */
  IdxHeader imagesHeader() {
    return images.header();
  }

  /** The image shape, e.g. {@code [28, 28]}. */
  int[] exampleShape() {
    return images.header().exampleShape();
  }

  /** The two files' digests, as text for a fingerprint. */
  String digests() {
    return "images sha256=" + images.sha256() + ", labels sha256=" + labels.sha256();
  }

  /**
   * Examples [from, to) as float32: x = g / 255.
   *
   * @param classes K; every label must already be below it
   */
  LabeledSet slice(int from, int to, int classes) throws DataFileException {
    int rowSize = images.header().rowSize();
    int count = to - from;
    float[] features = new float[count * rowSize];
    PixelRange.ZERO_TO_ONE.scale(images.values(), from * rowSize, features, 0, count * rowSize);
    int[] classOf = new int[count];
    for (int i = 0; i < count; i++) {
      classOf[i] = labels.values()[from + i] & 0xff;
    }
    return new LabeledSet(features, classOf, rowSize, classes);
  }
}
