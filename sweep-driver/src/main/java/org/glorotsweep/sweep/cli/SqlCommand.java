package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.spark.ResultViews;

/** {@code sql OUTPUT [QUERY]}: read-only Spark SQL over a sweep output's tables, one query or a prompt. */
final class SqlCommand implements Command {
  /** The rows a table prints unless {@code --limit} says otherwise; CSV and JSON print all. */
  static final int TABLE_ROWS = 1000;

  @Override
  public String usage() {
    return """
        usage: sql OUTPUT ["QUERY"] [--format table|csv|json] [--limit N] [--spark-log LEVEL]
          Registers the tables under OUTPUT as views (trials, curves, layer_stats, histograms) and runs the
          read-only QUERY (SELECT, WITH, VALUES, TABLE; anything that would write or change settings is
          refused). Without QUERY, reads queries ending with ';' from a prompt with line editing and history
          (~/.glorot-sweep/sql_history), or from standard input when it is not a terminal, on one session.
          --format  an aligned table (default), CSV with a header line, or JSON lines
          --limit N print at most N rows; default all for csv and json, 1000 for a table, which says how
                    many rows it left out""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of("format", "limit", "spark-log"), Set.of());
    if (parsed.positional().isEmpty() || parsed.positional().size() > 2) {
      throw new UsageException("sql takes an OUTPUT location and at most one QUERY (none for a prompt)");
    }
    RowPrinter.Format format = RowPrinter.Format.parse(parsed.option("format", "table"));
    OptionalInt limit = limit(parsed.option("limit", null));
    if (limit.isEmpty() && format == RowPrinter.Format.TABLE) {
      limit = OptionalInt.of(TABLE_ROWS);
    }
    String output = parsed.positional().get(0);
    try (SparkSession spark = Sessions.forQueries("glorot-sweep sql", parsed.option("spark-log", "WARN"))) {
      SweepOutput.requireTables(spark, output);
      ResultViews.register(spark, output);
      QueryRunner queries = new QueryRunner(spark, format, limit);
      if (parsed.positional().size() == 2) {
        queries.run(parsed.positional().get(1), out);
        return 0;
      }
      try (LineSource lines = LineSource.standardInput()) {
        return new SqlShell(queries, out, System.err).run(lines);
      }
    }
  }

  private static OptionalInt limit(String value) throws UsageException {
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1) {
        return OptionalInt.of(limit);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new UsageException("--limit " + value + ": expected a whole number of rows, at least 1");
  }
}
