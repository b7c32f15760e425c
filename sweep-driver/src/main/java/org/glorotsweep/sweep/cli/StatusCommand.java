package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glorotsweep.sweep.reproduce.ReproductionHistory;
import org.glorotsweep.sweep.spark.CheckpointListing;
import org.glorotsweep.sweep.spark.ResultViews;

/**
 * {@code status OUTPUT}: counts of committed trials by sweep and status, what failed, the trials in
 * progress with their last checkpoint, and each sweep's last reproduction.
 */
final class StatusCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: status OUTPUT [--spark-log LEVEL]
          Prints the committed trials under OUTPUT counted by sweep and status, then each failed trial
          with its error, each timed-out trial with its time and updates done, each committed trial with a
          damaged result file (run runs those again), and per sweep the
          core-seconds plan's cost model estimates for the trials that ended ok against those they took
          (the model times each distinct trial shape on this machine first, a few seconds in all), then
          the trials in progress with their last checkpoint's update and age, and per sweep its last
          reproduction: when, the trials compared and the count of each verdict.""";
  }

  /** One row per checkpoint: sweep, trial id, its update and its age in whole seconds. */
  private static Dataset<Row> inProgress(SparkSession spark, String output) throws IOException {
    Instant now = Instant.now();
    List<Row> rows = new ArrayList<>();
    for (CheckpointListing.InProgress trial :
        CheckpointListing.of(output, spark.sparkContext().hadoopConfiguration())) {
      rows.add(RowFactory.create(
          trial.sweep(), trial.trialId(), trial.update().isPresent() ? trial.update().getAsLong() : null,
          Duration.between(trial.savedAt(), now).toSeconds()));
    }
    StructType schema = new StructType()
        .add("sweep", DataTypes.StringType, false)
        .add("trial_id", DataTypes.StringType, false)
        .add("checkpoint_update", DataTypes.LongType, true)
        .add("checkpoint_age_seconds", DataTypes.LongType, false);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * Each timed-out trial: how long it ran before the sweep's {@code timeout_seconds} stopped it, and how many
   * of its updates it did.
   */
  private static void printTimedOut(SparkSession spark, PrintStream out) throws UsageException {
    RowPrinter.printTable(spark.sql("SELECT sweep, trial_id, group_name, round(wall_seconds, 1) AS"
        + " timed_out_after_s, updates_done, updates, host FROM trials WHERE status = 'timeout'"
        + " ORDER BY sweep, trial_id"), out);
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of("spark-log"), Set.of());
    if (parsed.positional().size() != 1) {
      throw new UsageException("status takes exactly one OUTPUT location");
    }
    try (SparkSession spark = Sessions.forQueries("glorot-sweep status", parsed.option("spark-log", "WARN"))) {
      SweepOutput.requireTables(spark, parsed.positional().get(0));
      ResultViews.register(spark, parsed.positional().get(0));
      RowPrinter.printTable(spark.sql("SELECT sweep, status, count(*) AS trials FROM trials"
          + " GROUP BY sweep, status ORDER BY sweep, status"), out);
      RowPrinter.printTable(spark.sql("SELECT sweep, trial_id, group_name, error_class, error_message, host, attempt"
          + " FROM trials WHERE status = 'failed' ORDER BY sweep, trial_id"), out);
      DamagedTrials.print(spark, parsed.positional().get(0), out);
      printTimedOut(spark, out);
      CostCheck.print(spark, out);
      RowPrinter.printTable(inProgress(spark, parsed.positional().get(0)), out);
      RowPrinter.printTable(ReproductionHistory.lastRuns(spark), out);
      return 0;
    }
  }
}
