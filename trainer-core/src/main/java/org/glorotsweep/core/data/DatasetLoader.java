package org.glorotsweep.core.data;

import java.io.IOException;
import org.glorotsweep.core.spec.DataSpec;

/** One entry of the {@link DatasetCatalog}: checks a data set's options, reports its shape, loads it. */
public interface DatasetLoader {

  /**
   * The data set's input size and number of classes, found without generating or reading its examples (at
   * most the files' headers). Also checks the options and that the files are there.
   *
   * @throws IOException when a file is missing or its header is malformed; the message names the file
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
