package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.report.ModelSelection;
import org.glorotsweep.sweep.results.HistoryTable;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.results.TableSchema;

/**
 * Registers a sweep output's tables as Spark SQL temporary views named after them ({@code trials},
 * {@code curves}, {@code layer_stats}, {@code histograms}), each read with its explicit schema. The views
 * other than {@code trials} keep only rows whose trial has its {@code trials} row (its commit record), so a
 * query never sees a half-committed trial. A damaged file (truncated, overwritten) is skipped rather than failing
 * every query: its rows are missing until {@code run} runs its trial again, and {@code status} names it.
 * Over {@code trials} it also registers model selection's views
 * {@code lr_grid} and {@code selected} ({@link ModelSelection}), and it registers the {@link HistoryTable}s
 * ({@code reproductions}) as they are stored: each of their files is published whole.
 */
public final class ResultViews {
  private ResultViews() {}

  /** Registers the views of the output at {@code output}; tables not written yet are empty. */
  public static void register(SparkSession spark, String output) throws IOException {
    view(spark, output, ResultTable.TRIALS).createOrReplaceTempView(ResultTable.TRIALS.directory());
    for (ResultTable table : ResultTable.values()) {
      if (table == ResultTable.TRIALS) {
        continue;
      }
      String raw = "raw_" + table.directory();
      view(spark, output, table).createOrReplaceTempView(raw);
      spark.sql("SELECT r.* FROM " + raw + " r LEFT SEMI JOIN trials t"
              + " ON r.sweep = t.sweep AND r.trial_id = t.trial_id")
          .createOrReplaceTempView(table.directory());
    }
    ModelSelection.register(spark);
    for (HistoryTable table : HistoryTable.values()) {
      view(spark, output, table).createOrReplaceTempView(table.directory());
    }
  }

  /**
   * The table as stored, without the rows of damaged files, or an empty frame of its schema when it does not
   * exist yet.
   */
  static Dataset<Row> view(SparkSession spark, String output, TableSchema table) throws IOException {
    Path directory = new Path(output, table.directory());
    if (!directory.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(directory)) {
      return spark.createDataFrame(List.<Row>of(), table.sparkSchema());
    }
    return spark.read().schema(table.sparkSchema()).option("ignoreCorruptFiles", "true")
        .parquet(directory.toString());
  }
}
