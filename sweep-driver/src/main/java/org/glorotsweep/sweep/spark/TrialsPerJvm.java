package org.glorotsweep.sweep.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * How many trials start at once in one executor JVM under a Spark configuration: a local master's threads
 * ({@code local} 1, {@code local[N]} and {@code local[N,F]} N, {@code local[*]} this machine's processors),
 * a {@code local-cluster[n,c,m]} executor's c cores, otherwise {@code spark.executor.cores}, whose default is
 * a standalone worker's every core (taken as this machine's, {@code plan} being meant for a machine like the
 * executors) and 1 elsewhere. A cluster's figure is capped at this machine's processors: the probe runs here,
 * and more threads than cores would measure this machine's oversubscription, not an executor's start. The cost estimate's cold start depends on it: the first trials of a fresh JVM
 * compile the same code while competing with each other and the JIT for the cores.
 */
public final class TrialsPerJvm {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?\\])?");
  private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,.*\\]");

  private TrialsPerJvm() {}

  /** The trials that start at once in one executor JVM under {@code conf}, at least 1. */
  public static int of(SparkConf conf) {
    int processors = Runtime.getRuntime().availableProcessors();
    String master = conf.get("spark.master", "local[*]").trim();
    Matcher local = LOCAL.matcher(master);
    if (local.matches()) {
      String threads = local.group(1);
      return threads == null ? 1 : threads.equals("*") ? processors : Math.max(1, Integer.parseInt(threads));
    }
    Matcher cluster = LOCAL_CLUSTER.matcher(master);
    if (cluster.matches()) {
      return Math.max(1, Integer.parseInt(cluster.group(1)));
    }
    int standaloneDefault = master.startsWith("spark://") ? processors : 1;
    return Math.max(1, Math.min(processors, conf.getInt("spark.executor.cores", standaloneDefault)));
  }
}
