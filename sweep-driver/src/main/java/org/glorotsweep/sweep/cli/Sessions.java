package org.glorotsweep.sweep.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.sweep.grid.DataShapes;
import org.glorotsweep.sweep.spark.HadoopFileOpener;

/** Builds the Spark session and the data-set lookups the commands share. */
final class Sessions {
  private Sessions() {}

  /**
   * A session named {@code app}: the master spark-submit gave, else {@code local[*]}; Spark's own logging at
   * {@code logLevel} (WARN unless raised).
   */
  static SparkSession spark(String app, String logLevel) {
    SparkSession.Builder builder = SparkSession.builder().appName(app);
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(logLevel);
    return spark;
  }

  /** The shapes of data sets, read through Hadoop (headers only, or the generator's constants). */
  static DataShapes dataShapes(Configuration hadoop) {
    DatasetCatalog catalog = new DatasetCatalog(new HadoopFileOpener(hadoop));
    return spec -> {
      DatasetShape shape = catalog.shape(spec);
      return new DataShapes.Shape(shape.inputSize(), shape.classes());
    };
  }
}
