package org.glorotsweep.sweep;

import static org.glorotsweep.sweep.SweepRuns.SMALL_SWEEP;
import static org.glorotsweep.sweep.SweepRuns.assertOnlyCommittedTrialFiles;
import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.runInAnotherJvm;
import static org.glorotsweep.sweep.SweepRuns.runOnceTheLeaseLapses;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.TestFaults.HaltAtUpdate200;
import org.glorotsweep.sweep.TestFaults.LoseFirstAttemptsAtUpdate200;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.CheckpointListing;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials that lose their task mid-training resume from their checkpoint and commit the rows of an uninterrupted
 * run, bit for bit: after Spark retries the task (local[2,3]), and after the driver's JVM dies mid-trial and a
 * second run starts. Each trial of the small sweep (300 updates) checkpoints every 100 updates and is lost just
 * before its checkpoint at update 200, so the resumed run redoes updates 100 to 200 from the checkpoint at 100.
 * Once every trial is committed no checkpoint is left, and the output holds nothing but the committed trials'
 * files.
 */
class CheckpointResumeIT {
  private static final String CHECKPOINTED_SWEEP =
      SMALL_SWEEP.replace("output: unused\n", "output: unused\ncheckpoint_every: {updates: 100}\n");

  /**
   * The lease time of the driver this test kills: short, so the second run waits little for it to lapse, yet
   * long enough for a live driver on a loaded machine to renew it (every quarter of it) in time.
   */
  private static final int KILLED_DRIVER_LEASE_SECONDS = 15;

  @TempDir Path temp;
  private Map<ResultTable, List<String>> uninterrupted;

  @BeforeEach
  void runUninterrupted() throws Exception {
    Path output = temp.resolve("uninterrupted");
    SweepConfig sweep = sweep(temp, "small.yaml", CHECKPOINTED_SWEEP, output);
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
      uninterrupted = ResultRows.of(spark, output.toString(), ResultRows.EXECUTION_AND_RESUME);
    }
  }

  @Test
  void aTrialLostMidTrainingIsRetriedFromItsCheckpoint() throws Exception {
    Path output = temp.resolve("retried");
    SweepConfig sweep = sweep(temp, "small.yaml", CHECKPOINTED_SWEEP, output);
    try (SparkSession spark =
        session("local[2,3]", TestFaults.property(LoseFirstAttemptsAtUpdate200.class))) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
      ResultRows.assertBitwiseEqual(uninterrupted,
          ResultRows.of(spark, output.toString(), ResultRows.EXECUTION_AND_RESUME), "retried run");
      for (Row row : spark.sql("SELECT attempt, resumed_from_update FROM trials").collectAsList()) {
        assertEquals(1, row.getInt(0), row::toString);
        assertEquals(100L, row.get(1), row::toString);
      }
    }
    assertNoCheckpointsLeft(output);
  }

  /**
   * The driver's JVM (a {@code run} of the command line in a JVM of its own, its executors local) halts when its
   * first trial is about to save the checkpoint at update 200: as dead as a {@code kill -9}, no shutdown hook
   * runs. The second run, once the dead driver's lease lapses, resumes every trial that left a checkpoint.
   */
  @Test
  void aSecondRunAfterTheDriverJvmDiedMidTrialResumesFromTheCheckpoints() throws Exception {
    Path output = temp.resolve("killed");
    SweepConfig sweep = sweep(temp, "small.yaml", CHECKPOINTED_SWEEP, output);
    Path log = temp.resolve("killed-driver.log");
    assertEquals(TestFaults.HALTED, runInAnotherJvm(temp.resolve("small.yaml"), output, HaltAtUpdate200.class,
        KILLED_DRIVER_LEASE_SECONDS, log), () -> "the driver's exit status\n" + read(log));
    List<CheckpointListing.InProgress> left = CheckpointListing.of(output.toString(), new Configuration());
    assertFalse(left.isEmpty(), () -> "the killed driver left no checkpoint\n" + read(log));
    for (CheckpointListing.InProgress trial : left) {
      assertEquals(OptionalLong.of(100), trial.update(), trial::toString);
    }
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(4, 0, 0),
          runOnceTheLeaseLapses(spark, sweep, KILLED_DRIVER_LEASE_SECONDS));
      ResultRows.assertBitwiseEqual(uninterrupted,
          ResultRows.of(spark, output.toString(), ResultRows.EXECUTION_AND_RESUME), "run after the killed driver");
      Map<String, Long> resumed = new TreeMap<>();
      for (Row row : spark.sql("SELECT trial_id, resumed_from_update FROM trials").collectAsList()) {
        resumed.put(row.getString(0), row.isNullAt(1) ? null : row.getLong(1));
      }
      Map<String, Long> expected = new TreeMap<>();
      sweep.trials().forEach(trial -> expected.put(trial.trialId(), null));
      left.forEach(trial -> expected.put(trial.trialId(), 100L));
      assertEquals(expected, resumed, "resumed_from_update by trial");
    }
    assertNoCheckpointsLeft(output);
  }

  private static void assertNoCheckpointsLeft(Path output) throws Exception {
    assertEquals(List.of(), CheckpointListing.of(output.toString(), new Configuration()));
    assertEquals(4, assertOnlyCommittedTrialFiles(output, "small").size());
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(" + log + " unreadable: " + e + ")";
    }
  }
}
