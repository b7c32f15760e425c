package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;
import org.glorotsweep.sweep.config.ConfigException;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.results.TrialCommitter;

/**
 * Runs a validated sweep on a Spark session: skips trials already committed (unless asked to rerun them),
 * starts one task per remaining trial, longest first, and reports progress until every trial is committed.
 * The driver holds the plan and counters only; results go from executors straight to the output.
 */
public final class SweepDriver {
  /** Spark property of the test-only hook that fails every trial's first attempt mid-commit. */
  public static final String FAIL_FIRST_ATTEMPTS = "spark.glorotsweep.test.failFirstAttempts";
  /** Spark property of the test-only hook that makes every trial of the named group throw. */
  public static final String FAILING_GROUP = "spark.glorotsweep.test.failingGroup";
  /** Spark property of the test-only hook that stops the driver after this many commits. */
  public static final String STOP_AFTER_COMMITS = "spark.glorotsweep.test.stopAfterCommits";

  private static final Pattern LOCAL_WITH_RETRIES = Pattern.compile("local\\[[^,\\]]+,\\s*(\\d+)\\]");

  private final SparkSession spark;
  private final PrintStream progress;
  private final long progressMillis;

  /** A driver on {@code spark} printing a progress line to {@code progress} every {@code progressMillis}. */
  public SweepDriver(SparkSession spark, PrintStream progress, long progressMillis) {
    this.spark = spark;
    this.progress = progress;
    this.progressMillis = progressMillis;
  }

  /**
   * Runs the sweep's uncommitted trials (all of them when {@code rerun}).
   *
   * @return how many trials ran, were skipped, and failed
   * @throws ConfigException when the sweep holds Shapeset trials of another generator version
   *     ({@link ShapesetVersionGuard})
   */
  public Summary run(SweepConfig sweep, boolean rerun)
      throws IOException, InterruptedException, ConfigException {
    ShapesetVersionGuard.check(spark, sweep, rerun);
    Set<String> committed = committedTrialIds(sweep);
    TrialCommitter committer =
        new TrialCommitter(new Path(sweep.output()), sweep.name(), spark.sparkContext().hadoopConfiguration());
    List<PlannedTrial> pending = new ArrayList<>();
    for (PlannedTrial trial : sweep.trialsLongestFirst()) {
      if (!committed.contains(trial.trialId())) {
        pending.add(trial);
      } else if (rerun) {
        committer.retract(trial.trialId());
        pending.add(trial);
      }
    }
    int skipped = sweep.trials().size() - pending.size();
    if (pending.isEmpty()) {
      return new Summary(0, skipped, 0, false);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    LongAccumulator failed = jsc.sc().longAccumulator("failed trials");
    SweepContext context = new SweepContext(
        sweep.name(),
        sweep.output(),
        sweep.timeout().orElse(null),
        sweep.checkpoints(),
        maxAttempts(jsc),
        jsc.getConf().getBoolean(FAIL_FIRST_ATTEMPTS, false),
        jsc.getConf().get(FAILING_GROUP, null),
        new SerializableConfiguration(jsc.hadoopConfiguration()));
    int stopAfter = jsc.getConf().getInt(STOP_AFTER_COMMITS, Integer.MAX_VALUE);
    String jobGroup = "sweep-" + sweep.name();
    ProgressReporter reporter = new ProgressReporter(sweep.name(), jobGroup, pending.size(), failed);
    jsc.sc().addSparkListener(reporter);
    jsc.setJobGroup(jobGroup, "glorot-sweep " + sweep.name(), true);
    try {
      JavaFutureAction<Void> job = jsc.parallelize(pending, pending.size())
          .foreachAsync(trial -> TrialTask.run(trial, context, failed));
      boolean stopped = await(job, reporter, stopAfter);
      reporter.print(progress);
      return new Summary(stopped ? reporter.done() : pending.size(), skipped, failed.value(), stopped);
    } finally {
      jsc.sc().removeSparkListener(reporter);
      jsc.clearJobGroup();
    }
  }

  private boolean await(JavaFutureAction<Void> job, ProgressReporter reporter, int stopAfter)
      throws InterruptedException, IOException {
    while (true) {
      try {
        job.get(progressMillis, TimeUnit.MILLISECONDS);
        return false;
      } catch (TimeoutException notYet) {
        if (reporter.done() >= stopAfter) {
          job.cancel(true);
          return true;
        }
        reporter.print(progress);
      } catch (ExecutionException e) {
        throw new IOException("the sweep's Spark job failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  /**
   * How many attempts Spark gives a task: {@code local[N,F]} gives F, other local masters 1, cluster
   * masters {@code spark.task.maxFailures} (default 4).
   */
  static int maxAttempts(JavaSparkContext jsc) {
    Matcher local = LOCAL_WITH_RETRIES.matcher(jsc.master());
    if (local.matches()) {
      return Integer.parseInt(local.group(1));
    }
    return jsc.isLocal() ? 1 : jsc.getConf().getInt("spark.task.maxFailures", 4);
  }

  /** The ids of the trials of {@code sweep} whose {@code trials} row is committed. */
  private Set<String> committedTrialIds(SweepConfig sweep) throws IOException {
    Set<String> ids = new HashSet<>();
    ResultViews.view(spark, sweep.output(), ResultTable.TRIALS)
        .where(functions.col(ResultTable.PARTITION_COLUMN).equalTo(sweep.name()))
        .select("trial_id")
        .toLocalIterator()
        .forEachRemaining(row -> ids.add(row.getString(0)));
    return ids;
  }

  /**
   * What a run did.
   *
   * @param ran trials committed by this run
   * @param skipped trials already committed before it
   * @param failed trials that ended with status failed
   * @param stopped whether the run stopped early (test hook)
   */
  public record Summary(int ran, int skipped, long failed, boolean stopped) {}
}
