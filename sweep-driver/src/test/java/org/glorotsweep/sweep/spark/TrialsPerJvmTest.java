package org.glorotsweep.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The trials that start together in an executor JVM, by master and executor cores. */
class TrialsPerJvmTest {
  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  @Test
  void aLocalMasterStartsOneTrialPerThread() {
    assertEquals(1, TrialsPerJvm.of(master("local")));
    assertEquals(3, TrialsPerJvm.of(master("local[3]")));
    assertEquals(4, TrialsPerJvm.of(master("local[4, 2]")));
    assertEquals(PROCESSORS, TrialsPerJvm.of(master("local[*]")));
    assertEquals(PROCESSORS, TrialsPerJvm.of(new SparkConf(false)), "spark-submit's default, local[*]");
    assertEquals(2, TrialsPerJvm.of(master("local-cluster[3, 2, 1024]")));
  }

  @Test
  void aClusterStartsOneTrialPerExecutorCore() {
    assertEquals(1, TrialsPerJvm.of(master("yarn")));
    assertEquals(1, TrialsPerJvm.of(master("k8s://https://host:6443").set("spark.executor.cores", "1")));
    assertEquals(Math.min(64, PROCESSORS),
        TrialsPerJvm.of(master("k8s://https://host:6443").set("spark.executor.cores", "64")),
        "capped at the processors of the machine the probe runs on");
    assertEquals(PROCESSORS, TrialsPerJvm.of(master("spark://host:7077")), "a standalone worker's every core");
    assertEquals(
        Math.min(2, PROCESSORS), TrialsPerJvm.of(master("spark://host:7077").set("spark.executor.cores", "2")));
  }

  private static SparkConf master(String master) {
    return new SparkConf(false).setMaster(master);
  }
}
