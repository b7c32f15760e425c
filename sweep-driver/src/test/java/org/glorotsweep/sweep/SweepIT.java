package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep end to end on an in-process local Spark: the smoke sweep's commits and queries, resume after the
 * driver stops mid-sweep, exactly one row per trial under task retries, and nothing written for a bad config.
 */
class SweepIT {
  /** Four small trials: quick enough to run several sweeps in one test. */
  private static final String SMALL_SWEEP = """
      sweep: small
      seed: 7
      output: unused
      common:
        dataset: shapeset
        data_options: {validation_size: 200, test_size: 200}
        depth: 1
        width: 16
        activation: [tanh, softsign]
        init: [standard, normalized]
        learning_rate: 0.01
        updates: 300
        precision: float32
        monitor: {examples: 50, jacobian_examples: 2}
      groups:
        - name: all
      """;

  @TempDir Path temp;

  @Test
  void smokeSweepCommitsEveryTrialWithCurvesAndLayerStatistics() throws Exception {
    SweepConfig smoke = load(Path.of("../conf/smoke.yaml"));
    try (SparkSession spark = session("local[2]", Map.of())) {
      SweepDriver.Summary summary = driver(spark).run(smoke, false);
      assertEquals(new SweepDriver.Summary(5, 0, 0, false), summary);
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
    }
  }

  @Test
  void resumeAfterTheDriverStopsRunsTheRestAndKeepsCommittedRows() throws Exception {
    SweepConfig sweep = small();
    Map<String, String> first;
    try (SparkSession spark = session("local[2]", Map.of(SweepDriver.STOP_AFTER_COMMITS, "1"))) {
      SweepDriver.Summary summary = driver(spark).run(sweep, false);
      assertTrue(summary.stopped(), summary::toString);
    }
    try (SparkSession spark = session("local[2]", Map.of())) {
      first = committedRows(spark, sweep);
      assertFalse(first.isEmpty(), "the first run committed nothing");
      assertTrue(first.size() < 4, "the first run did not stop early");
      SweepDriver.Summary summary = driver(spark).run(sweep, false);
      assertEquals(first.size(), summary.skipped());
      Map<String, String> all = committedRows(spark, sweep);
      assertEquals(4, all.size());
      first.forEach((id, row) -> assertEquals(row, all.get(id), "committed row of " + id + " changed"));
      assertEquals(4L, spark.sql("SELECT count(DISTINCT trial_id) FROM trials").first().getLong(0));
      assertEquals(4L, spark.sql("SELECT count(*) FROM trials").first().getLong(0));

      // --rerun runs every committed trial again: still one row each, with the same deterministic weights
      Map<String, String> before = digests(spark, sweep);
      assertEquals(new SweepDriver.Summary(4, 0, 0, false), driver(spark).run(sweep, true));
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
    try (SparkSession spark = session("local[2,3]", Map.of(SweepDriver.FAIL_FIRST_ATTEMPTS, "true"))) {
      assertEquals(new SweepDriver.Summary(4, 0, 0, false), driver(spark).run(sweep, false));
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
  void aFailingTrialIsAResultNotRetriedAndTheSweepGoesOn() throws Exception {
    Path file = temp.resolve("failing.yaml");
    Files.writeString(file, SMALL_SWEEP.replace("  - name: all", "  - name: all\n  - name: broken\n    width: 8"));
    SweepConfig sweep = load(file);
    try (SparkSession spark = session("local[2,3]", Map.of(SweepDriver.FAILING_GROUP, "broken"))) {
      SweepDriver.Summary summary = driver(spark).run(sweep, false);
      assertEquals(new SweepDriver.Summary(8, 0, 4, false), summary);
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
    Path file = temp.resolve("small.yaml");
    Files.writeString(file, SMALL_SWEEP);
    return load(file);
  }

  private SweepConfig load(Path file) throws Exception {
    return SweepConfigLoader.load(file, HadoopDataShapes.of(new Configuration())).withOutput(temp.resolve("out").toString());
  }

  private static Map<String, String> committedRows(SparkSession spark, SweepConfig sweep) throws Exception {
    ResultViews.register(spark, sweep.output());
    Map<String, String> rows = new HashMap<>();
    for (Row row : spark.sql("SELECT * FROM trials").collectAsList()) {
      rows.put(row.getString(row.fieldIndex("trial_id")), row.toString());
    }
    return rows;
  }

  private static SweepDriver driver(SparkSession spark) {
    return new SweepDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200);
  }

  private static SparkSession session(String master, Map<String, String> conf) {
    SparkSession.Builder builder = SparkSession.builder().master(master).appName("SweepIT")
        .config("spark.ui.enabled", "false");
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
