package org.glorotsweep.sweep.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark settings a sweep runs under unless the submitter sets them: a long run on preemptible nodes must
 * survive repeated executor loss, while a trial that fails by itself still fails once.
 *
 * <p>{@code spark.task.maxFailures} = {@value #MAX_TASK_FAILURES}. Spark counts a task lost with its executor
 * (a killed or preempted JVM) as a failure of the task, and aborts the whole job once one task has failed
 * {@code spark.task.maxFailures} times (default 4): in a stress run of 10 executor kills over 16 trials one
 * task was lost 5 times. Retries are cheap here: a lost trial resumes from its last checkpoint, and a trial's
 * own errors never reach Spark's count, since the task records them as a failed result at the first attempt;
 * only errors another attempt may cure (I/O, memory) are retried, and the last attempt records them.
 *
 * <p>Spark's exclusion ({@code spark.excludeOnFailure.enabled}) stays off, its default: it blames the
 * executor and node where a task failed, but a preempted node is not faulty, and once a node is excluded for a
 * task (after 2 failed attempts there by default) a cluster whose executors share one host has nowhere left to
 * run it and aborts the job. A submitter with many hosts and genuinely flaky ones can turn it on with
 * {@code --conf}; the settings here never override what the submitter gave.
 */
final class RetryPolicy {
  /** Attempts per task before Spark gives up on the sweep. */
  static final int MAX_TASK_FAILURES = 32;

  private RetryPolicy() {}

  /** The settings of this policy that {@code given} does not set already. */
  static Map<String, String> defaultsMissingFrom(SparkConf given) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("spark.task.maxFailures", Integer.toString(MAX_TASK_FAILURES));
    defaults.put("spark.excludeOnFailure.enabled", "false");
    defaults.keySet().removeIf(given::contains);
    return defaults;
  }
}
