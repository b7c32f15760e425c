package org.glorotsweep.sweep.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Counts the tasks of a sweep's job (the jobs of its job group; events of other jobs are ignored) as Spark
 * starts and ends them, and prints one progress line on request:
 * {@code [sweep] 3/6 trials done, 2 running, 0 failed, elapsed 0:21, ETA 0:20}.
 */
final class ProgressReporter extends SparkListener {
  /** The local property under which Spark records a job's group. */
  private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

  private final String sweep;
  private final int total;
  private final LongAccumulator failed;
  private final long start = System.nanoTime();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  private final String jobGroup;

  ProgressReporter(String sweep, String jobGroup, int total, LongAccumulator failed) {
    this.sweep = sweep;
    this.jobGroup = jobGroup;
    this.total = total;
    this.failed = failed;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    Properties properties = jobStart.properties();
    if (properties != null && jobGroup.equals(properties.getProperty(JOB_GROUP_PROPERTY))) {
      CollectionConverters.asJava(jobStart.stageIds()).forEach(id -> stages.add((Integer) id));
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart taskStart) {
    if (stages.contains(taskStart.stageId())) {
      running.incrementAndGet();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!stages.contains(taskEnd.stageId())) {
      return;
    }
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
