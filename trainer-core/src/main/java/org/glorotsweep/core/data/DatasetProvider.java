package org.glorotsweep.core.data;

import java.io.IOException;
import org.glorotsweep.core.spec.DataSpec;

/** Turns a {@link DataSpec} into a loaded {@link Dataset}, typically cached once per JVM. */
@FunctionalInterface
public interface DatasetProvider {

  /**
   * The data set the spec names.
   *
   * @throws IOException when a file cannot be read or is malformed; the message names the file
   * @throws IllegalArgumentException when the name or an option is not valid
   */
  Dataset load(DataSpec spec) throws IOException;
}
