package org.glorotsweep.sweep;

import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.TestFaults.DriverFailsAfterRungOneDecision;
import org.glorotsweep.sweep.TestFaults.DriverFailure;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Successive halving on Spark, on two races (tanh and softsign) of four learning rates each, eta 2 from 100
 * updates to T = 400: rungs 100, 200, 400, so per race two rates stop at rung 0, one at rung 1, one runs to T.
 * The search runs once on local[2] and the same trials as a grid once, before the tests; a third run on
 * local[1] is stopped right after a rung-1 decision and run again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {
  private static final String RACE = SweepRuns.SMALL_SWEEP
      .replace("sweep: small", "sweep: race")
      .replace("init: [standard, normalized]", "init: normalized")
      .replace("learning_rate: 0.01", "learning_rate: [0.3, 0.1, 0.03, 0.01]")
      .replace("updates: 300", "updates: 400")
      .replace("jacobian_examples: 2}", "jacobian_examples: 2, interval: 100}")
      .replace("- name: all", "- name: race\n    search: {eta: 2, min_updates: 100}");

  /** A trial's result, minus where and how it ran. */
  private static final String TRIAL_CORE = "trial_id, status, updates_done, final_update, final_valid_error,"
      + " best_valid_error, test_error_at_best_valid, weights_sha256, spec_json";

  /** The same and the search's columns. */
  private static final String TRIAL_RESULT = TRIAL_CORE
      + ", search_rungs, stopped_at_rung, stop_metric, stop_metric_value, stop_rank, stop_reason";

  private Path temp;
  private SweepConfig search;
  private Map<String, List<String>> searched;
  private Map<String, List<String>> grid;

  @BeforeAll
  void runTheSearchAndTheGrid(@TempDir Path directory) throws Exception {
    temp = directory;
    search = sweep(temp, "race.yaml", RACE, temp.resolve("search"));
    SweepConfig asGrid = search.withoutSearches().withOutput(temp.resolve("grid").toString());
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(8, 0, 0), driver(spark).run(search, Rerun.NONE));
      searched = results(spark, search.output());
      assertEquals(new SweepDriver.Summary(8, 0, 0), driver(spark).run(asGrid, Rerun.NONE));
      grid = results(spark, asGrid.output());
    }
  }

  @Test
  void eachRaceStopsTwoRatesAtRungZeroOneAtRungOneAndRunsOneToTheEnd() throws Exception {
    try (SparkSession spark = session("local[2]", Map.of())) {
      ResultViews.register(spark, search.output());
      List<Row> rows = spark.sql("SELECT activation, status, stopped_at_rung, final_update, search_rungs,"
          + " element_at(search_rungs, stopped_at_rung + 1), stop_metric, stop_metric_value, stop_rank, stop_reason,"
          + " results_version FROM trials ORDER BY activation, final_update").collectAsList();
      assertEquals(8, rows.size());
      for (int race = 0; race < 2; race++) {
        List<Row> trials = rows.subList(4 * race, 4 * race + 4);
        assertEquals(List.of("stopped", "stopped", "stopped", "ok"), trials.stream().map(r -> r.getString(1)).toList());
        assertEquals(List.of(100L, 100L, 200L, 400L), trials.stream().map(r -> r.getLong(3)).toList());
        for (Row row : trials) {
          assertEquals(List.of(100L, 200L, 400L), row.getList(4), row::toString);
          assertEquals(ResultTable.RESULTS_VERSION, row.getInt(10));
          if (row.getString(1).equals("stopped")) {
            assertEquals(row.getLong(3), row.getLong(5), "final_update is the rung's update: " + row);
            assertEquals("valid_error", row.getString(6));
            assertFalse(row.isNullAt(7), row::toString);
            assertTrue(row.getInt(8) > (row.getInt(2) == 0 ? 2 : 1), row::toString);
            assertTrue(row.getString(9).startsWith("stopped at rung " + row.getInt(2) + " (update " + row.getLong(3)
                + "): mean valid_error"), row::toString);
          } else {
            for (int column = 6; column <= 9; column++) {
              assertTrue(row.isNullAt(column), row::toString);
            }
            assertNull(row.get(2));
          }
        }
      }
    }
  }

  @Test
  void theRatesThatWentOnHadTheLowestValidationErrorAtTheRungTiesByTrialId() throws Exception {
    try (SparkSession spark = session("local[2]", Map.of())) {
      ResultViews.register(spark, search.output());
      // the race per model at rung 0: every rate's validation error at update 100, ranked as the race ranks
      List<Row> rows = spark.sql("""
          SELECT t.activation, t.trial_id, t.stopped_at_rung,
                 row_number() OVER (PARTITION BY t.activation ORDER BY c.valid_error, t.trial_id) AS rank_at_rung
          FROM trials t JOIN curves c ON c.trial_id = t.trial_id AND c.update = element_at(t.search_rungs, 1)
          ORDER BY t.activation, rank_at_rung""").collectAsList();
      assertEquals(8, rows.size());
      for (Row row : rows) {
        boolean wentOn = row.isNullAt(2) || row.getInt(2) > 0;
        assertEquals(row.getInt(3) <= 2, wentOn, row::toString);
      }
    }
  }

  @Test
  void theFinalistsEqualTheGridsTrialsAndTheStoppedOnesAreItsTrialsCutAtTheirRung() {
    List<String> finalists =
        searched.get("trial_core").stream().filter(row -> row.matches("\\[[0-9a-f]{32},ok,.*")).toList();
    assertEquals(2, finalists.size());
    for (String finalist : finalists) {
      assertTrue(grid.get("trial_core").contains(finalist), () -> finalist + " is not in the grid");
    }
    for (String table : List.of("curves", "layer_stats", "histograms")) {
      List<String> expected = grid.get(table).stream().filter(row -> reachedInTheSearch(row, searched)).toList();
      assertEquals(expected, searched.get(table), table);
    }
  }

  @Test
  void aDriverStoppedAfterARungDecisionResumesWithTheSameDecisionsAndRows() throws Exception {
    SweepConfig stopped = search.withOutput(temp.resolve("stopped").toString());
    try (SparkSession spark = session("local[1]", TestFaults.property(DriverFailsAfterRungOneDecision.class))) {
      assertThrows(DriverFailure.class, () -> driver(spark).run(stopped, Rerun.NONE));
      awaitCancelledTasks(spark);
    }
    Map<String, String> decidedBeforeTheStop = decisions(stopped.output());
    assertTrue(decidedBeforeTheStop.size() >= 2 && decidedBeforeTheStop.size() < 4, decidedBeforeTheStop::toString);
    try (SparkSession spark = session("local[1]", Map.of())) {
      SweepDriver.Summary resumed = driver(spark).run(stopped, Rerun.NONE);
      assertEquals(8, resumed.ran() + resumed.skipped());
      assertTrue(resumed.skipped() < 8, "the stopped run committed every trial: " + resumed);
      assertEquals(searched, results(spark, stopped.output()));
    }
    Map<String, String> decided = decisions(stopped.output());
    assertEquals(decisions(search.output()), decided, "the decisions on local[1], stopped and resumed");
    decidedBeforeTheStop.forEach((file, text) -> assertEquals(text, decided.get(file), file));
    assertNoCheckpointsLeft(stopped.output());
    assertNoCheckpointsLeft(search.output());
  }

  /** Whether a grid row's trial reached its update in the search: its trial's final update is at or beyond. */
  private static boolean reachedInTheSearch(String row, Map<String, List<String>> searched) {
    String[] fields = row.substring(1).split(",", 3);
    return searched.get("reach").contains(fields[0] + "@" + fields[1]);
  }

  /**
   * Each table's rows as text, sorted; under {@code trial_core} the trials' rows without the search's columns,
   * and under {@code reach} every trial's measured updates.
   */
  private static Map<String, List<String>> results(SparkSession spark, String output) throws Exception {
    ResultViews.register(spark, output);
    Map<String, List<String>> tables = new TreeMap<>();
    tables.put("trials", rows(spark, "SELECT " + TRIAL_RESULT + " FROM trials"));
    tables.put("trial_core", rows(spark, "SELECT " + TRIAL_CORE + " FROM trials"));
    tables.put("curves", rows(spark, "SELECT * FROM curves"));
    tables.put("layer_stats", rows(spark, "SELECT * FROM layer_stats"));
    tables.put("histograms", rows(spark, "SELECT trial_id, update, layer, quantity, low, high,"
        + " array_join(transform(counts, c -> CAST(c AS STRING)), ',') FROM histograms"));
    tables.put("reach", rows(spark, "SELECT concat(trial_id, '@', update) FROM curves").stream()
        .map(row -> row.substring(1, row.length() - 1)).toList());
    return tables;
  }

  private static List<String> rows(SparkSession spark, String query) {
    return spark.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** The recorded rung decisions, by file under {@code _search/sweep=race/decisions}. */
  private static Map<String, String> decisions(String output) throws Exception {
    Path directory = Path.of(output).resolve("_search/sweep=race/decisions");
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.put(directory.relativize(file).toString(), Files.readString(file));
      }
    }
    return texts;
  }

  /** Waits until the tasks the failed driver cancelled have ended, so closing the session interrupts nothing. */
  private static void awaitCancelledTasks(SparkSession spark) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (spark.sparkContext().statusTracker().getActiveStageIds().length > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private static void assertNoCheckpointsLeft(String output) throws Exception {
    Path directory = Path.of(output).resolve("_checkpoints/sweep=race");
    if (Files.exists(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        assertEquals(List.of(), files.toList(), "checkpoints left after every trial was committed");
      }
    }
  }
}
