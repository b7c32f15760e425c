package org.glorotsweep.sweep.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts a sweep's tasks as Spark starts and ends them, and prints one progress line on request:
 * {@code [sweep] 3/6 trials done, 2 running, 0 failed, elapsed 0:21, ETA 0:20}.
 */
final class ProgressReporter extends SparkListener {
  private final String sweep;
  private final int total;
  private final LongAccumulator failed;
  private final long start = System.nanoTime();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();

  ProgressReporter(String sweep, int total, LongAccumulator failed) {
    this.sweep = sweep;
    this.total = total;
    this.failed = failed;
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart taskStart) {
    running.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    running.decrementAndGet();
    if (taskEnd.taskInfo().successful()) {
      done.incrementAndGet();
    }
  }

  /** Trials committed so far. */
  int done() {
    return done.get();
  }

  void print(PrintStream out) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    int finished = done.get();
    String eta = finished == 0 ? "?" : clock(elapsed.multipliedBy(total - finished).dividedBy(finished));
    out.printf("[%s] %d/%d trials done, %d running, %d failed, elapsed %s, ETA %s%n",
        sweep, finished, total, Math.max(0, running.get()), failed.value(), clock(elapsed), eta);
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
