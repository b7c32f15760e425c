package org.glorotsweep.sweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session the commands share. */
final class Sessions {
  private Sessions() {}

  /**
   * A session named {@code app}: the master spark-submit gave, else {@code local[*]}; Spark's own logging at
   * {@code logLevel} (WARN unless raised); the {@link RetryPolicy} unless the submitter set its keys.
   */
  static SparkSession spark(String app, String logLevel) {
    SparkSession.Builder builder = SparkSession.builder().appName(app);
    SparkConf given = new SparkConf();
    RetryPolicy.defaultsMissingFrom(given).forEach(builder::config);
    if (!given.contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(logLevel);
    return spark;
  }
}
