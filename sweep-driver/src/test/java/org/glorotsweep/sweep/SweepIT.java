package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.glorotsweep.sweep.SweepRuns.SMALL_SWEEP;
import static org.glorotsweep.sweep.SweepRuns.assertOnlyCommittedTrialFiles;
import static org.glorotsweep.sweep.SweepRuns.committedRows;
import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.load;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.glorotsweep.sweep.TestFaults.property;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.TestFaults.BrokenGroup;
import org.glorotsweep.sweep.TestFaults.DriverFailsAfterFirstCommit;
import org.glorotsweep.sweep.TestFaults.DriverFailure;
import org.glorotsweep.sweep.TestFaults.FailFirstAttempts;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep end to end on an in-process local Spark: the smoke sweep's commits, queries and table directories,
 * resume after the driver fails mid-sweep, {@code --rerun}, exactly one row per trial under task retries,
 * failing trials and {@code --retry-failed}, and nothing written for a bad config.
 */
class SweepIT {
  @TempDir Path temp;

  @Test
  void smokeSweepCommitsEveryTrialWithCurvesAndLayerStatistics() throws Exception {
    SweepConfig smoke = load(Path.of("../conf/smoke.yaml"), temp.resolve("out"));
    try (SparkSession spark = session("local[2]", Map.of())) {
      SweepDriver.Summary summary = driver(spark).run(smoke, Rerun.NONE);
      assertEquals(new SweepDriver.Summary(5, 0, 0), summary);
      ResultViews.register(spark, smoke.output());
      List<Row> trials = spark.sql("SELECT t.trial_id, t.status, t.updates_done,"
          + " (SELECT count(*) FROM curves c WHERE c.trial_id = t.trial_id) AS curve_points,"
          + " (SELECT count(*) FROM layer_stats s WHERE s.trial_id = t.trial_id) AS layer_rows"
          + " FROM trials t WHERE t.sweep = 'smoke' ORDER BY t.trial_id").collectAsList();
      assertEquals(smoke.trials().stream().map(t -> t.trialId()).sorted().toList(),
          trials.stream().map(r -> r.getString(0)).toList());
      for (Row row : trials) {
        assertEquals("ok", row.getString(1), row.toString());
        assertEquals(2000L, row.getLong(2));
        assertTrue(row.getLong(3) > 10, () -> "curve points of " + row);
        assertTrue(row.getLong(4) > 0, () -> "layer statistics of " + row);
      }
      // the table directories hold the committed trials' Parquet files and nothing else
      assertEquals(trials.stream().map(r -> r.getString(0)).collect(Collectors.toSet()),
          assertOnlyCommittedTrialFiles(Path.of(smoke.output()), smoke.name()));
    }
  }

  @Test
  void resumeAfterTheDriverFailsRunsTheRestAndKeepsCommittedRows() throws Exception {
    SweepConfig sweep = small();
    Map<String, String> first;
    try (SparkSession spark = session("local[2]", property(DriverFailsAfterFirstCommit.class))) {
      assertThrows(DriverFailure.class, () -> driver(spark).run(sweep, Rerun.NONE));
    }
    try (SparkSession spark = session("local[2]", Map.of())) {
      first = committedRows(spark, sweep);
      assertFalse(first.isEmpty(), "the first run committed nothing");
      assertTrue(first.size() < 4, "the first run did not stop early");
      SweepDriver.Summary summary = driver(spark).run(sweep, Rerun.NONE);
      assertEquals(first.size(), summary.skipped());
      Map<String, String> all = committedRows(spark, sweep);
      assertEquals(4, all.size());
      first.forEach((id, row) -> assertEquals(row, all.get(id), "committed row of " + id + " changed"));
      assertEquals(4L, spark.sql("SELECT count(DISTINCT trial_id) FROM trials").first().getLong(0));
      assertEquals(4L, spark.sql("SELECT count(*) FROM trials").first().getLong(0));

      // --rerun runs every committed trial again: still one row each, with the same deterministic weights
      Map<String, String> before = digests(spark, sweep);
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.ALL));
      assertEquals(before, digests(spark, sweep));
      assertEquals(4L, spark.sql("SELECT count(*) FROM trials").first().getLong(0));
    }
  }

  private static Map<String, String> digests(SparkSession spark, SweepConfig sweep) throws Exception {
    ResultViews.register(spark, sweep.output());
    Map<String, String> digests = new HashMap<>();
    for (Row row : spark.sql("SELECT trial_id, weights_sha256 FROM trials").collectAsList()) {
      digests.put(row.getString(0), row.getString(1));
    }
    return digests;
  }

  @Test
  void retriedTrialsAreCommittedExactlyOnce() throws Exception {
    SweepConfig sweep = small();
    try (SparkSession spark = session("local[2,3]", property(FailFirstAttempts.class))) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
      ResultViews.register(spark, sweep.output());
      List<Row> trials = spark.sql("SELECT trial_id, attempt, status FROM trials").collectAsList();
      assertEquals(4, trials.size());
      for (Row row : trials) {
        assertEquals(1, row.getInt(1), () -> "the first attempt of " + row + " was injected to fail");
        assertEquals("ok", row.getString(2));
      }
      // one set of curve points per trial: each (trial, update) exactly once
      assertEquals(0L, spark.sql("SELECT trial_id, update FROM curves GROUP BY trial_id, update"
          + " HAVING count(*) > 1").count());
      assertEquals(spark.sql("SELECT count(*) FROM raw_curves").first().getLong(0),
          spark.sql("SELECT count(*) FROM curves").first().getLong(0));
    }
  }

  @Test
  void aFailingTrialIsAResultNotRetriedAndRetryFailedRunsItAgain() throws Exception {
    SweepConfig sweep = sweep(temp, "failing.yaml",
        SMALL_SWEEP.replace("  - name: all", "  - name: all\n  - name: broken\n    width: 8"), temp.resolve("out"));
    try (SparkSession spark = session("local[2,3]", property(BrokenGroup.class))) {
      SweepDriver.Summary summary = driver(spark).run(sweep, Rerun.NONE);
      assertEquals(new SweepDriver.Summary(8, 0, 4), summary);
      ResultViews.register(spark, sweep.output());
      List<Row> rows = spark.sql("SELECT group_name, status, attempt, error_class, error_message, stack_tail,"
          + " (SELECT count(*) FROM curves c WHERE c.trial_id = t.trial_id) FROM trials t").collectAsList();
      assertEquals(8, rows.size());
      for (Row row : rows) {
        if (row.getString(0).equals("broken")) {
          assertEquals("failed", row.getString(1));
          assertEquals(0, row.getInt(2), "a deterministic failure is not retried");
          assertEquals("java.lang.IllegalStateException", row.getString(3));
          assertTrue(row.getString(4).contains("group broken"), row::toString);
          assertTrue(row.getString(5).contains("TrialTask"), row::toString);
          assertEquals(0L, row.getLong(6));
        } else {
          assertEquals("ok", row.getString(1), row::toString);
        }
      }
    }
    try (SparkSession spark = session("local[2]", Map.of())) {
      Map<String, String> before = committedRows(spark, sweep);
      Set<String> failed = new HashSet<>(spark.sql("SELECT trial_id FROM trials WHERE status = 'failed'")
          .as(Encoders.STRING()).collectAsList());
      assertEquals(4, failed.size());
      // a plain resume leaves committed failures as they are
      assertEquals(new SweepDriver.Summary(0, 8, 0), driver(spark).run(sweep, Rerun.NONE));
      assertEquals(before, committedRows(spark, sweep));
      // --retry-failed runs the failed trials again (the fault is gone now) and leaves the others alone
      assertEquals(new SweepDriver.Summary(4, 4, 0), driver(spark).run(sweep, Rerun.FAILED));
      Map<String, String> after = committedRows(spark, sweep);
      assertEquals(before.keySet(), after.keySet());
      before.forEach((id, row) -> {
        if (!failed.contains(id)) {
          assertEquals(row, after.get(id), () -> "the ok trial " + id + " was run again");
        }
      });
      assertEquals(8L, spark.sql("SELECT count(*) FROM trials WHERE status = 'ok'").first().getLong(0));
      assertEquals(8L, spark.sql("SELECT count(DISTINCT trial_id) FROM curves").first().getLong(0));
    }
  }

  @Test
  void invalidConfigWritesNothing() throws Exception {
    Path config = temp.resolve("bad.yaml");
    Path output = temp.resolve("untouched");
    Files.writeString(config, SMALL_SWEEP.replace("output: unused", "output: " + output)
        .replace("depth: 1", "depht: 1"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("run", config.toString()), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("depht"), err::toString);
    assertFalse(Files.exists(output), "an invalid config must leave the output location untouched");
  }

  private SweepConfig small() throws Exception {
    return sweep(temp, "small.yaml", SMALL_SWEEP, temp.resolve("out"));
  }
}
