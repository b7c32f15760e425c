package org.glorotsweep.sweep.spark;

import org.apache.hadoop.conf.Configuration;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.sweep.grid.DataShapes;

/** Data-set shapes for config validation, read through Hadoop: file headers only, or a generator's constants. */
public final class HadoopDataShapes {
  private HadoopDataShapes() {}

  /** The shapes of data sets on the file systems {@code hadoop} reaches. */
  public static DataShapes of(Configuration hadoop) {
    DatasetCatalog catalog = new DatasetCatalog(new HadoopFileOpener(hadoop));
    return spec -> {
      DatasetShape shape = catalog.shape(spec);
      return new DataShapes.Shape(shape.inputSize(), shape.classes());
    };
  }
}
