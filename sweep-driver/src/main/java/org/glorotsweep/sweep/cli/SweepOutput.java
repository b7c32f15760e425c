package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.results.ResultTable;

/** The check that a location given to {@code sql} or {@code status} holds a sweep output at all. */
final class SweepOutput {
  private SweepOutput() {}

  /**
   * Checks that at least one result table directory ({@code trials/}, {@code curves/}, ...) exists under
   * {@code output}, so a mistyped path is reported instead of read as an empty sweep.
   *
   * @throws QueryException naming the location (qualified) and the tables looked for
   */
  static void requireTables(SparkSession spark, String output) throws QueryException, IOException {
    Path location = new Path(output);
    FileSystem fs = location.getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (ResultTable table : ResultTable.values()) {
      if (fs.exists(new Path(location, table.directory()))) {
        return;
      }
    }
    String tables = Arrays.stream(ResultTable.values()).map(t -> t.directory() + "/")
        .collect(Collectors.joining(", "));
    String reason = fs.exists(location) ? "it holds none of the tables " + tables
        : "the location does not exist (looked for the tables " + tables + ")";
    throw new QueryException("no sweep output at " + fs.makeQualified(location) + ": " + reason);
  }
}
