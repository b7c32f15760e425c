package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.OutputLocation;
import org.glorotsweep.sweep.spark.SweepDriver;

/** {@code run CONFIG}: runs a sweep's uncommitted trials on Spark and commits their results. */
final class RunCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: run CONFIG [--output LOCATION] [--rerun | --retry-failed] [--grid] [--spark-log LEVEL]
          Validates CONFIG, then trains every trial not yet committed under the output location (one Spark
          task per trial, longest first) and commits each trial's rows to Parquet as it ends. One driver at a
          time runs a sweep on an output; a second one is refused while the first holds its lease.
          --output LOCATION  write here instead of the config's output (local path or Hadoop URI)
          --rerun            run committed trials again, replacing their rows
          --retry-failed     run committed trials whose status is failed or timeout again, replacing their rows
          --grid             ignore every group's search: run all trials to their end, as a grid (to compare
                             a search with its grid, give each its own output)
          --spark-log LEVEL  Spark's own log level (default WARN; INFO shows Spark's progress)""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of("output", "spark-log"), Set.of("rerun", "retry-failed", "grid"));
    if (parsed.positional().size() != 1) {
      throw new UsageException("run takes exactly one CONFIG file");
    }
    if (parsed.has("rerun") && parsed.has("retry-failed")) {
      throw new UsageException(
          "give --rerun (every committed trial) or --retry-failed (the failed and timed-out ones), not both");
    }
    SweepDriver.Rerun rerun = parsed.has("rerun") ? SweepDriver.Rerun.ALL
        : parsed.has("retry-failed") ? SweepDriver.Rerun.FAILED : SweepDriver.Rerun.NONE;
    try (SparkSession spark = Sessions.spark("glorot-sweep", parsed.option("spark-log", "WARN"))) {
      SweepConfig sweep = SweepConfigLoader.load(
          Path.of(parsed.positional().get(0)), HadoopDataShapes.of(spark.sparkContext().hadoopConfiguration()));
      boolean overridden = parsed.has("output");
      sweep = sweep.withOutput(OutputLocation.checked(parsed.option("output", sweep.output()),
          overridden ? "command line" : sweep.source(), overridden ? "--output" : "output",
          spark.sparkContext().hadoopConfiguration()));
      if (parsed.has("grid")) {
        sweep = sweep.withoutSearches();
      }
      out.printf("sweep %s: %d trials -> %s%n", sweep.name(), sweep.trials().size(), sweep.output());
      SweepDriver.Summary summary = new SweepDriver(spark, out, 5000).run(sweep, rerun);
      out.printf("sweep %s: %d trials run, %d already committed, %d failed%n", sweep.name(), summary.ran(),
          summary.skipped(), summary.failed());
      return summary.failed() == 0 ? 0 : 3;
    }
  }
}
