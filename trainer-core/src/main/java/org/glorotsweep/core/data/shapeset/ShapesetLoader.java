package org.glorotsweep.core.data.shapeset;

import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetLoader;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.spec.DataSpec;

/** The catalogue entry {@code shapeset}: options as in {@link ShapesetOptions}; needs no files. */
public final class ShapesetLoader implements DatasetLoader {

  @Override
  public DatasetShape shape(DataSpec spec) {
    ShapesetOptions.from(spec);
    return new DatasetShape(ShapesetGenerator.PIXELS, ShapesetGenerator.CLASSES);
  }

  @Override
  public Dataset load(DataSpec spec) {
    return new ShapesetDataset(ShapesetOptions.from(spec));
  }
}
