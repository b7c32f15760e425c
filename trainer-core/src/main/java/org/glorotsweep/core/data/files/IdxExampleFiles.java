package org.glorotsweep.core.data.files;

import java.io.IOException;

/**
 * A pair of IDX example files (see {@link IdxExamples}) checked without reading their pixels, as the driver
 * does before any trial runs: the images file's header against the file's length, the whole labels file (one
 * byte per example, small) against its header, and one label per image.
 *
 * @param images the images file's header
 * @param labels the labels file, read whole
 */
record IdxExampleFiles(IdxHeader images, IdxArray labels) {

  /**
   * Checks the pair.
   *
   * @throws DataFileException naming the file that is missing, malformed, not as long as its header declares, or
   *     whose count disagrees
   */
  static IdxExampleFiles check(FileOpener files, String imagesLocation, String labelsLocation) throws IOException {
    IdxHeader images = IdxArray.readHeader(files, imagesLocation);
    IdxExamples.requireImages(images);
    IdxArray labels = IdxArray.read(files, labelsLocation);
    IdxExamples.requireLabels(labels.header());
    IdxExamples.requireOneLabelPerImage(images, labels.header());
    return new IdxExampleFiles(images, labels);
  }

  /** The number of examples. */
  int count() {
    return images.count();
  }
}
