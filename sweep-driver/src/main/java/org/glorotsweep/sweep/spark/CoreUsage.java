package org.glorotsweep.sweep.spark;

import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * How busy a run kept its cores: each task adds its wall time to {@link #busyNanos}, and the idle fraction is
 * 1 - busy / (cores x wall), with cores Spark's default parallelism when the run started (a local master's
 * threads, a cluster's executor cores) and wall the run's time from its first task's launch on. Time the
 * driver spends between tasks (deciding a rung, committing records) counts as idle, as it is.
 */
final class CoreUsage {
  private final LongAccumulator busyNanos;
  private final int cores;
  private final long start = System.nanoTime();

  private CoreUsage(LongAccumulator busyNanos, int cores) {
    this.busyNanos = busyNanos;
    this.cores = cores;
  }

  /** Starts counting now. */
  static CoreUsage start(JavaSparkContext jsc) {
    return new CoreUsage(jsc.sc().longAccumulator("busy task nanoseconds"), jsc.defaultParallelism());
  }

  /** Where tasks add their wall time in nanoseconds. */
  LongAccumulator busyNanos() {
    return busyNanos;
  }

  /**
   * The line {@code [sweep] cores busy 93.4% of 2 x 0:41 (76.6 core-seconds in tasks), idle 6.6%}.
   */
  String summary(String sweep) {
    double wall = (System.nanoTime() - start) / 1e9;
    double busy = busyNanos.value() / 1e9;
    double share = wall > 0 ? busy / (cores * wall) : 0;
    return String.format(Locale.ROOT, "[%s] cores busy %.1f%% of %d x %.1f s (%.1f core-seconds in tasks), idle %.1f%%",
        sweep, 100 * share, cores, wall, busy, 100 * (1 - share));
  }
}
