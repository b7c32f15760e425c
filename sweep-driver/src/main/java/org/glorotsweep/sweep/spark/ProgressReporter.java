package org.glorotsweep.sweep.spark;

import java.io.PrintStream;
import java.time.Duration;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.util.LongAccumulator;

/**
 * Prints a sweep's progress line, {@code [sweep] 3/6 trials done, 2 running, 0 failed, elapsed 0:21, ETA 0:20},
 * from Spark's status tracker: only the stages of the sweep's job group count, so other jobs of the same
 * application (file checks, queries) never move it. The tracker lags the tasks by a moment, as Spark's UI does.
 */
final class ProgressReporter {
  private final String sweep;
  private final String jobGroup;
  private final int total;
  private final LongAccumulator failed;
  private final JavaSparkStatusTracker tracker;
  private final long start = System.nanoTime();

  ProgressReporter(
      String sweep, String jobGroup, int total, LongAccumulator failed, JavaSparkStatusTracker tracker) {
    this.sweep = sweep;
    this.jobGroup = jobGroup;
    this.total = total;
    this.failed = failed;
    this.tracker = tracker;
  }

  /** The sweep's tasks as far as the tracker knows. */
  private Tasks tasks() {
    int done = 0;
    int running = 0;
    for (int jobId : tracker.getJobIdsForGroup(jobGroup)) {
      SparkJobInfo job = tracker.getJobInfo(jobId);
      if (job == null) {
        continue;
      }
      for (int stageId : job.stageIds()) {
        SparkStageInfo stage = tracker.getStageInfo(stageId);
        if (stage != null) {
          done += stage.numCompletedTasks();
          running += stage.numActiveTasks();
        }
      }
    }
    return new Tasks(Math.min(done, total), running);
  }

  /** Trials committed so far. */
  int done() {
    return tasks().done();
  }

  /** Prints the progress line; {@code finished} when the sweep's job has ended and every trial committed. */
  void print(PrintStream out, boolean finished) {
    Tasks tasks = finished ? new Tasks(total, 0) : tasks();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    int done = tasks.done();
    String eta = done == 0 ? "?" : clock(elapsed.multipliedBy(total - done).dividedBy(done));
    out.printf("[%s] %d/%d trials done, %d running, %d failed, elapsed %s, ETA %s%n",
        sweep, done, total, tasks.running(), failed.value(), clock(elapsed), eta);
  }

  /**
   * Counts of the sweep's tasks.
   *
   * @param done completed successfully: trials committed
   * @param running running now
   */
  private record Tasks(int done, int running) {}

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
