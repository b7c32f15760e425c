package org.glorotsweep.sweep.reproduce;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Queries over the {@code reproductions} view, for {@code status}. */
public final class ReproductionHistory {
  private ReproductionHistory() {}

  /**
   * Per sweep, its last reproduction run (the greatest id, ids sorting by time): when it started, the trials
   * compared, the count of each verdict, and how many are {@code ours} (not identical under unchanged
   * provenance).
   */
  public static Dataset<Row> lastRuns(SparkSession spark) {
    return spark.sql("""
        SELECT sweep, reproduction_id AS last_reproduction, min(started_at) AS started_at, count(*) AS trials,
          count_if(verdict = 'identical') AS identical, count_if(verdict = 'within_tolerance') AS within_tolerance,
          count_if(verdict = 'drifted') AS drifted, count_if(verdict = 'failed') AS failed,
          count_if(cause = 'ours') AS ours
        FROM reproductions
        WHERE (sweep, reproduction_id) IN (SELECT sweep, max(reproduction_id) FROM reproductions GROUP BY sweep)
        GROUP BY sweep, reproduction_id ORDER BY sweep""");
  }
}
