package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.spark.ResultViews;

/** {@code sql OUTPUT QUERY}: runs Spark SQL over a sweep output's tables. */
final class SqlCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: sql OUTPUT "SELECT ..." [--format table|csv|json] [--limit N] [--spark-log LEVEL]
          Registers the tables under OUTPUT as views (trials, curves, layer_stats, histograms) and prints
          the query's first N rows (default 1000) as an aligned table, CSV or JSON lines.""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of("format", "limit", "spark-log"), Set.of());
    if (parsed.positional().size() != 2) {
      throw new UsageException("sql takes an OUTPUT location and one QUERY");
    }
    int limit;
    try {
      limit = Integer.parseInt(parsed.option("limit", "1000"));
    } catch (NumberFormatException e) {
      throw new UsageException("--limit " + parsed.option("limit", "") + " is not a number");
    }
    try (SparkSession spark = Sessions.spark("glorot-sweep sql", parsed.option("spark-log", "WARN"))) {
      ResultViews.register(spark, parsed.positional().get(0));
      RowPrinter.print(spark.sql(parsed.positional().get(1)), parsed.option("format", "table"), limit, out);
      return 0;
    }
  }
}
