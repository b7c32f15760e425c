package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.report.ReportWriter;
import org.glorotsweep.sweep.spark.ResultViews;

/** {@code report OUTPUT [--sweep NAME] [--out DIR]}: the static HTML report of one sweep of an output. */
final class ReportCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: report OUTPUT [--sweep NAME] [--out DIR] [--spark-log LEVEL]
          Writes DIR/index.html (default DIR: report, in the working directory) with Table 1 beside the
          paper's, model selection, the trials that did not end ok and the paper's figures the sweep has data
          for, and one CSV per table and figure. --sweep is needed when OUTPUT holds more than one sweep.""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of("sweep", "out", "spark-log"), Set.of());
    if (parsed.positional().size() != 1) {
      throw new UsageException("report takes one OUTPUT location");
    }
    try (SparkSession spark = Sessions.spark("glorot-sweep report", parsed.option("spark-log", "WARN"))) {
      ResultViews.register(spark, parsed.positional().get(0));
      List<String> sweeps = spark.sql("SELECT DISTINCT sweep FROM trials ORDER BY sweep").as(
          org.apache.spark.sql.Encoders.STRING()).collectAsList();
      if (sweeps.isEmpty()) {
        throw new UsageException(parsed.positional().get(0) + " holds no committed trial to report on");
      }
      String sweep = parsed.option("sweep", sweeps.size() == 1 ? sweeps.get(0) : "");
      if (!sweeps.contains(sweep)) {
        throw new UsageException("--sweep " + (sweep.isEmpty() ? "is needed" : "'" + sweep + "' is not in "
            + parsed.positional().get(0)) + "; the sweeps there: " + sweeps);
      }
      Path directory = Path.of(parsed.option("out", "report"));
      int figures = ReportWriter.write(spark, sweep, directory);
      out.println("report of sweep " + sweep + " (" + figures + " figures): " + directory.resolve("index.html"));
      return 0;
    }
  }
}
