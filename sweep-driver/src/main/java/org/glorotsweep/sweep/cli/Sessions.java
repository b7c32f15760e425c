package org.glorotsweep.sweep.cli;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session the commands share. */
final class Sessions {
  /**
   * Settings for the short queries of {@code sql} and {@code status}, each applied only where spark-submit did
   * not set it: no web UI (its server takes a second to start and a port), and few shuffle partitions, since
   * the tables of a sweep are small and 200 partitions (Spark's default) would be 200 tasks per shuffle.
   */
  private static final Map<String, String> QUERY_SETTINGS = Map.of(
      "spark.ui.enabled", "false",
      "spark.sql.shuffle.partitions", "4");

  private Sessions() {}

  /**
   * A session named {@code app}: the master spark-submit gave, else {@code local[*]}; Spark's own logging at
   * {@code logLevel} (WARN unless raised); the {@link RetryPolicy} unless the submitter set its keys.
   */
  static SparkSession spark(String app, String logLevel) {
    return start(builder(app), logLevel);
  }

  /** A session for queries over a sweep's tables: {@link #spark} with the query settings above. */
  static SparkSession forQueries(String app, String logLevel) {
    SparkSession.Builder builder = builder(app);
    SparkConf given = new SparkConf();
    QUERY_SETTINGS.forEach((key, value) -> {
      if (!given.contains(key)) {
        builder.config(key, value);
      }
    });
    return start(builder, logLevel);
  }

  private static SparkSession.Builder builder(String app) {
    SparkSession.Builder builder = SparkSession.builder().appName(app);
    SparkConf given = new SparkConf();
    RetryPolicy.defaultsMissingFrom(given).forEach(builder::config);
    if (!given.contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder;
  }

  private static SparkSession start(SparkSession.Builder builder, String logLevel) {
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(logLevel);
    return spark;
  }
}
