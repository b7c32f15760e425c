package org.glorotsweep.sweep.grid;

import java.io.IOException;
import org.glorotsweep.core.spec.DataSpec;

/**
 * Tells the expansion how many inputs and classes a data set has, which fixes the network's first and last
 * layer widths. Looking a data set up also checks its name, options and files before any trial runs: whatever is
 * cheap to check on the driver (file headers against lengths, labels, counts, split sizes), so that a broken file
 * is refused before it reaches an executor.
 */
@FunctionalInterface
public interface DataShapes {

  /**
   * The shape of the data set {@code spec} names.
   *
   * @throws IOException when one of its files cannot be read or is malformed; the message names the file, and a
   *     {@link org.glorotsweep.core.data.files.DataFileException} names the data option at fault
   * @throws IllegalArgumentException when the name or an option is not valid; the message says what is allowed
   */
  Shape shapeOf(DataSpec spec) throws IOException;

  /**
   * The widths a data set imposes on a network.
   *
   * @param inputSize n_0, the values per example
   * @param classes K, the number of softmax units
   */
  record Shape(int inputSize, int classes) {}
}
