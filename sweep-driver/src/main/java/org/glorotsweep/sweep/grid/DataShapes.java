package org.glorotsweep.sweep.grid;

import java.io.IOException;
import org.glorotsweep.core.spec.DataSpec;

/**
 * Tells the expansion how many inputs and classes a data set has, which fixes the network's first and last
 * layer widths. Looking a data set up also checks its name, options and files before any trial runs.
 */
@FunctionalInterface
public interface DataShapes {

  /**
   * The shape of the data set {@code spec} names.
   *
   * @throws IOException when one of its files cannot be read; the message names the file
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
