package org.glorotsweep.core.data;

import java.io.IOException;
import org.glorotsweep.core.spec.DataSpec;

/** One entry of the {@link DatasetCatalog}: checks a data set's options, reports its shape, loads it. */
public interface DatasetLoader {

  /**
   * The data set's input size and number of classes, found without generating or reading its examples' pixels.
   * Also runs the checks that are cheap enough for the driver before any trial runs: the options, that the files
   * are there, their headers against their lengths, labels against the classes, split sizes.
   *
   * @throws IOException when a file is missing or malformed, or contradicts an option; the message names the
   *     file (a {@link org.glorotsweep.core.data.files.DataFileException} also names the option at fault)
   * @throws IllegalArgumentException when an option is unknown or malformed
   */
  DatasetShape shape(DataSpec spec) throws IOException;

  /**
   * Generates or reads the whole data set.
   *
   * @throws IOException when a file is missing or malformed; the message names the file
   * @throws IllegalArgumentException when an option is unknown or malformed
   */
  Dataset load(DataSpec spec) throws IOException;
}
