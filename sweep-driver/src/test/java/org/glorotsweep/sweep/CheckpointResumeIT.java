package org.glorotsweep.sweep;

import static org.glorotsweep.sweep.SweepRuns.SMALL_SWEEP;
import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.TestFaults.LoseEveryAttemptAtUpdate200;
import org.glorotsweep.sweep.TestFaults.LoseFirstAttemptsAtUpdate200;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.spark.CheckpointListing;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials that lose their task mid-training resume from their checkpoint and commit the rows of an uninterrupted
 * run, bit for bit: after Spark retries the task (local[2,3]), and after the driver's run ends mid-trial and a
 * second run starts. Each trial of the small sweep (300 updates) checkpoints every 100 updates and is lost just
 * before its checkpoint at update 200, so the retry redoes updates 100 to 200 from the checkpoint at 100.
 */
class CheckpointResumeIT {
  private static final String CHECKPOINTED_SWEEP =
      SMALL_SWEEP.replace("output: unused\n", "output: unused\ncheckpoint_every: {updates: 100}\n");

  /** What a trial's result is made of, minus the columns of where and how it ran. */
  private static final String TRIAL_RESULT = "trial_id, status, updates_done, final_update, final_train_cost,"
      + " final_valid_error, final_valid_nll, final_test_error, final_test_nll, best_valid_error,"
      + " best_valid_update, test_error_at_best_valid, weights_sha256, kernel, data_fingerprint, spec_json";

  @TempDir Path temp;
  private Map<String, List<String>> uninterrupted;

  @BeforeEach
  void runUninterrupted() throws Exception {
    Path output = temp.resolve("uninterrupted");
    SweepConfig sweep = sweep(temp, "small.yaml", CHECKPOINTED_SWEEP, output);
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
      uninterrupted = results(spark, output);
    }
  }

  @Test
  void aTrialLostMidTrainingIsRetriedFromItsCheckpoint() throws Exception {
    Path output = temp.resolve("retried");
    SweepConfig sweep = sweep(temp, "small.yaml", CHECKPOINTED_SWEEP, output);
    try (SparkSession spark =
        session("local[2,3]", TestFaults.property(LoseFirstAttemptsAtUpdate200.class))) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
      assertEquals(uninterrupted, results(spark, output));
      for (Row row : spark.sql("SELECT attempt, resumed_from_update FROM trials").collectAsList()) {
        assertEquals(1, row.getInt(0), row::toString);
        assertEquals(100L, row.getLong(1), row::toString);
      }
    }
    assertNoCheckpointsLeft(output);
  }

  @Test
  void aSecondRunAfterTheDriverStoppedMidTrialResumesFromTheCheckpoints() throws Exception {
    Path output = temp.resolve("stopped");
    SweepConfig sweep = sweep(temp, "small.yaml", CHECKPOINTED_SWEEP, output);
    try (SparkSession spark = session("local[2]", TestFaults.property(LoseEveryAttemptAtUpdate200.class))) {
      assertThrows(IOException.class, () -> driver(spark).run(sweep, Rerun.NONE));
    }
    List<CheckpointListing.InProgress> left = CheckpointListing.of(output.toString(), new Configuration());
    assertFalse(left.isEmpty(), "the stopped run left no checkpoint");
    for (CheckpointListing.InProgress trial : left) {
      assertEquals(OptionalLong.of(100), trial.update(), trial::toString);
    }
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
      assertEquals(uninterrupted, results(spark, output));
      Map<String, Long> resumed = new TreeMap<>();
      for (Row row : spark.sql("SELECT trial_id, resumed_from_update FROM trials").collectAsList()) {
        resumed.put(row.getString(0), row.isNullAt(1) ? null : row.getLong(1));
      }
      for (CheckpointListing.InProgress trial : left) {
        assertEquals(100L, resumed.get(trial.trialId()), "resumed_from_update of " + trial.trialId());
      }
    }
    assertNoCheckpointsLeft(output);
  }

  /** Each table's rows as text, sorted: the trials' results and every curve, statistic and histogram. */
  private static Map<String, List<String>> results(SparkSession spark, Path output) throws Exception {
    ResultViews.register(spark, output.toString());
    Map<String, List<String>> tables = new TreeMap<>();
    tables.put("trials", rows(spark, "SELECT " + TRIAL_RESULT + " FROM trials"));
    tables.put("curves", rows(spark, "SELECT * FROM curves"));
    tables.put("layer_stats", rows(spark, "SELECT * FROM layer_stats"));
    tables.put("histograms", rows(spark, "SELECT trial_id, update, layer, quantity, low, high,"
        + " array_join(transform(counts, c -> CAST(c AS STRING)), ',') FROM histograms"));
    return tables;
  }

  private static List<String> rows(SparkSession spark, String query) {
    return spark.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static void assertNoCheckpointsLeft(Path output) throws Exception {
    Path directory = Path.of(new OutputLayout(new org.apache.hadoop.fs.Path(output.toUri()), "small")
        .checkpointDirectory().toUri());
    if (Files.exists(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        assertEquals(List.of(), files.toList(), "checkpoints left after every trial was committed");
      }
    }
    assertTrue(CheckpointListing.of(output.toString(), new Configuration()).isEmpty());
  }
}
