package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.search.Leg;

/**
 * One Spark job of one task per trial ({@link TrialTask}, each trial trained to its end), watched by its driver: a progress line every
 * interval, the lease verified each time, the job cancelled if the driver stops waiting. Used by {@code run}
 * (without a search) and by {@code reproduce}.
 */
final class TrialJob {
  private TrialJob() {}

  /**
   * Runs {@code trials}, one task each, in the order given, and waits for all of them.
   *
   * @param context where the tasks commit their rows, and how they run. Not modified.
   * @param progress where the progress lines go, every {@code progressMillis}
   * @param busyNanos adds each task's wall time
   * @return how many trials ended with status failed
   */
  static long run(JavaSparkContext jsc, List<PlannedTrial> trials, SweepContext context, SweepLease lease,
      PrintStream progress, long progressMillis, LongAccumulator busyNanos)
      throws IOException, InterruptedException {
    LongAccumulator failed = jsc.sc().longAccumulator("failed trials");
    String jobGroup = "sweep-" + context.sweep() + "-" + UUID.randomUUID();
    ProgressReporter reporter =
        new ProgressReporter(context.sweep(), jobGroup, trials.size(), failed, jsc.statusTracker());
    jsc.setJobGroup(jobGroup, "glorot-sweep " + context.sweep(), true);
    try {
      JavaFutureAction<Void> job = jsc.parallelize(trials, trials.size())
          .foreachAsync(trial -> TrialTask.run(Leg.toEnd(trial), context, failed, busyNanos));
      try {
        await(job, reporter, lease, progress, progressMillis);
      } finally {
        if (!job.isDone()) {
          job.cancel(true);
        }
      }
      reporter.print(progress, true);
      return failed.value();
    } finally {
      jsc.clearJobGroup();
    }
  }

  private static void await(JavaFutureAction<Void> job, ProgressReporter reporter, SweepLease lease,
      PrintStream progress, long progressMillis) throws InterruptedException, IOException {
    while (true) {
      try {
        job.get(progressMillis, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException notYet) {
        lease.verify();
        FaultInjector.installed().onProgress(reporter.done());
        reporter.print(progress, false);
      } catch (ExecutionException e) {
        throw new IOException("the sweep's Spark job failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  /** The lifetime of a driver's lease: {@link SweepLease#SECONDS_PROPERTY}, else the default. */
  static Duration leaseTime(JavaSparkContext jsc) {
    return Duration.ofSeconds(jsc.getConf().getInt(SweepLease.SECONDS_PROPERTY, SweepLease.DEFAULT_SECONDS));
  }

  /** Deletes {@code directory} if it exists and is empty; another driver may be filling it, so never more. */
  static void deleteIfEmpty(FileSystem fs, Path directory) {
    try {
      FileStatus[] entries = fs.listStatus(directory);
      if (entries.length == 0) {
        fs.delete(directory, false);
      }
    } catch (IOException goneOrFilled) {
      // absent, or filled since it was listed: either way it stays as it is
    }
  }
}
