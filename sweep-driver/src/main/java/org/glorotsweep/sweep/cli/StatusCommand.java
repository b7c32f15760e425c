package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.spark.ResultViews;

/** {@code status OUTPUT}: counts of committed trials by sweep and status, and what failed. */
final class StatusCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: status OUTPUT [--spark-log LEVEL]
          Prints the committed trials under OUTPUT counted by sweep and status, then each failed trial
          with its error, then each committed trial with a damaged result file (run runs those again).""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of("spark-log"), Set.of());
    if (parsed.positional().size() != 1) {
      throw new UsageException("status takes exactly one OUTPUT location");
    }
    try (SparkSession spark = Sessions.spark("glorot-sweep status", parsed.option("spark-log", "WARN"))) {
      ResultViews.register(spark, parsed.positional().get(0));
      RowPrinter.print(spark.sql("SELECT sweep, status, count(*) AS trials FROM trials"
          + " GROUP BY sweep, status ORDER BY sweep, status"), "table", Integer.MAX_VALUE, out);
      RowPrinter.print(spark.sql("SELECT sweep, trial_id, group_name, error_class, error_message, host, attempt"
          + " FROM trials WHERE status = 'failed' ORDER BY sweep, trial_id"), "table", Integer.MAX_VALUE, out);
      DamagedTrials.print(spark, parsed.positional().get(0), out);
      return 0;
    }
  }
}
