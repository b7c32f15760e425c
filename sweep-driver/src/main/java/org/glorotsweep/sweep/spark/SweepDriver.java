package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.sweep.config.ConfigException;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.results.TrialCommitter;
import org.glorotsweep.sweep.search.Leg;

/**
 * Runs a validated sweep on a Spark session. A run holds the sweep's {@link SweepLease} from start to end, so
 * one driver at a time works on a sweep's files. Before it launches anything it puts the sweep's files in
 * order (see {@link TrialCommitter}): removes the staging a crashed run left, Hadoop checksum files, and every
 * file of an uncommitted trial; retracts the committed trials it must run again (each with a damaged file; the
 * failed and timed-out ones, or all of them, when asked). Then it starts one task per remaining trial, longest
 * first, and reports progress until every trial is committed; a sweep with a search runs its races instead
 * ({@link SearchRun}). At the end it prints how busy the cores were ({@link CoreUsage}). The driver holds the
 * plan and counters only; results go from executors straight to the output. At its end it removes the sweep's
 * run and checkpoint directories if they are empty (each trial deletes its own checkpoint once committed), so
 * a finished sweep's output holds its tables only.
 */
public final class SweepDriver {
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

  /** Which committed trials a run runs again (uncommitted ones always run). */
  public enum Rerun {
    /** None: a resume. Committed trials with a damaged file run again all the same. */
    NONE,
    /** Those whose status is failed or timeout ({@code --retry-failed}). */
    FAILED,
    /** All of them ({@code --rerun}). */
    ALL
  }

  /**
   * Runs the sweep's uncommitted trials and the committed ones that {@code rerun} names.
   *
   * @return how many trials ran, were skipped, and failed
   * @throws SweepLease.HeldException when another live driver runs this sweep on this output
   * @throws ConfigException when the sweep holds Shapeset trials of another generator version, or a race's
   *     recorded decisions were made under another search than the config's ({@link SearchRun})
   *     ({@link ShapesetVersionGuard})
   */
  public Summary run(SweepConfig sweep, Rerun rerun)
      throws IOException, InterruptedException, ConfigException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    OutputLayout layout = new OutputLayout(new Path(sweep.output()), sweep.name());
    FileSystem fs = layout.fileSystem(jsc.hadoopConfiguration());
    TrialCommitter committer = new TrialCommitter(layout.output(), sweep.name(), jsc.hadoopConfiguration());
    try (SweepLease lease = SweepLease.acquire(fs, layout.leaseFile(), TrialJob.leaseTime(jsc))) {
      try {
        ShapesetVersionGuard.check(spark, sweep, rerun);
        if (rerun == Rerun.ALL) {
          new SearchLedger(layout, jsc.hadoopConfiguration()).clear();
        }
        List<PlannedTrial> pending = prepare(jsc, sweep, rerun, committer, fs);
        int skipped = sweep.trials().size() - pending.size();
        return pending.isEmpty() ? new Summary(0, skipped, 0) : launch(jsc, sweep, pending, skipped, lease);
      } finally {
        committer.clearStaging();
      }
    } finally {
      for (Path directory : List.of(layout.runDirectory(), layout.checkpointDirectory())) {
        TrialJob.deleteIfEmpty(fs, directory);
        TrialJob.deleteIfEmpty(fs, directory.getParent());
      }
    }
  }

  /**
   * Puts the sweep's files in order and returns the trials to run, longest first: staging and checksum files
   * removed, uncommitted trials' files withdrawn, committed trials to run again retracted.
   */
  private List<PlannedTrial> prepare(
      JavaSparkContext jsc, SweepConfig sweep, Rerun rerun, TrialCommitter committer, FileSystem fs)
      throws IOException {
    committer.clearStaging();
    OutputInventory inventory = OutputInventory.scan(jsc, new Path(sweep.output()), sweep.name());
    for (Path checksum : inventory.checksumFiles()) {
      fs.delete(checksum, false);
    }
    Set<String> committed = inventory.committed(sweep.name());
    int withdrawn = 0;
    for (String trialId : inventory.withFiles(sweep.name())) {
      if (!committed.contains(trialId)) {
        committer.retract(trialId);
        withdrawn++;
      }
    }
    if (withdrawn > 0) {
      progress.printf("[%s] withdrew the files of %d uncommitted trials (left by an interrupted run)%n",
          sweep.name(), withdrawn);
    }
    Set<String> planned = new HashSet<>();
    sweep.trials().forEach(trial -> planned.add(trial.trialId()));
    Set<String> again = new HashSet<>();
    for (OutputInventory.TrialFile file : inventory.damaged()) {
      if (committed.contains(file.trialId()) && planned.contains(file.trialId())) {
        progress.printf("[%s] trial %s runs again: its %s file %s is damaged (%s)%n", sweep.name(),
            file.trialId(), file.table().directory(), file.path(), file.damage());
        again.add(file.trialId());
      }
    }
    if (rerun == Rerun.ALL) {
      again.addAll(committed);
    } else if (rerun == Rerun.FAILED) {
      again.addAll(failedOrTimedOut(sweep));
    }
    again.retainAll(planned);
    for (String trialId : again) {
      committer.retract(trialId);
    }
    List<PlannedTrial> pending = new ArrayList<>();
    for (PlannedTrial trial : sweep.trialsLongestFirst()) {
      if (!committed.contains(trial.trialId()) || again.contains(trial.trialId())) {
        pending.add(trial);
      }
    }
    return pending;
  }

  private Summary launch(
      JavaSparkContext jsc, SweepConfig sweep, List<PlannedTrial> pending, int skipped, SweepLease lease)
      throws IOException, InterruptedException, ConfigException {
    CoreUsage usage = CoreUsage.start(jsc);
    SweepContext context = new SweepContext(sweep.name(), sweep.output(), sweep.timeout().orElse(null),
        sweep.checkpoints(), maxAttempts(jsc), new SerializableConfiguration(jsc.hadoopConfiguration()));
    if (sweep.searches().isEmpty()) {
      long failed = TrialJob.run(jsc, pending, context, lease, progress, progressMillis, usage.busyNanos());
      progress.println(usage.summary(sweep.name()));
      return new Summary(pending.size(), skipped, failed);
    }
    LongAccumulator failed = jsc.sc().longAccumulator("failed trials");
    jsc.setJobGroup("sweep-" + sweep.name() + "-" + UUID.randomUUID(), "glorot-sweep " + sweep.name(), true);
    try {
      SearchLedger ledger = new SearchLedger(new OutputLayout(new Path(sweep.output()), sweep.name()),
          jsc.hadoopConfiguration());
      return new SearchRun(jsc, progress, progressMillis, context, lease, failed, usage, ledger)
          .run(sweep, pending, skipped);
    } finally {
      jsc.clearJobGroup();
    }
  }

  /** The committed trials of {@code sweep} whose status is failed or timeout. */
  private Set<String> failedOrTimedOut(SweepConfig sweep) throws IOException {
    Set<String> ids = new HashSet<>();
    ResultViews.view(spark, sweep.output(), ResultTable.TRIALS)
        .where(functions.col(ResultTable.PARTITION_COLUMN).equalTo(sweep.name())
            .and(functions.col("status").isin(TrialStatus.FAILED.configName(), TrialStatus.TIMEOUT.configName())))
        .select("trial_id")
        .toLocalIterator()
        .forEachRemaining(row -> ids.add(row.getString(0)));
    return ids;
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

  /**
   * What a run did.
   *
   * @param ran trials this run committed
   * @param skipped trials already committed before it
   * @param failed trials that ended with status failed
   */
  public record Summary(int ran, int skipped, long failed) {}
}
