package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.OptionalInt;
import org.apache.spark.sql.SparkSession;

/** Runs read-only statements on one session and prints their results in one format. */
final class QueryRunner {
  private final SparkSession spark;
  private final RowPrinter.Format format;
  private final OptionalInt limit;

  /**
   * @param spark the session whose views the statements read; not modified beyond running them
   * @param limit the most rows printed per statement; empty for all
   */
  QueryRunner(SparkSession spark, RowPrinter.Format format, OptionalInt limit) {
    this.spark = spark;
    this.format = format;
    this.limit = limit;
  }

  /**
   * Checks that {@code statement} is a query ({@link ReadOnlyQueries}), runs it and prints its rows to
   * {@code out}.
   *
   * @throws QueryException when it is refused, or fails for a reason of its own (see {@link QueryErrors})
   */
  void run(String statement, PrintStream out) throws QueryException {
    ReadOnlyQueries.check(spark, statement);
    try {
      RowPrinter.print(spark.sql(statement), format, limit, out);
    } catch (Exception e) {
      QueryException ofQuery = QueryErrors.ofQuery(e);
      if (ofQuery != null) {
        throw ofQuery;
      }
      throw e;
    }
  }
}
