package org.glorotsweep.sweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.ResultViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code selected} view against a hand computation on a sweep whose validation and test errors are
 * written directly as {@code trials} rows: four models (tanh/normalized with a three-point grid and two
 * repeats, one rate of which has a diverged repeat, evaluated on 400 of its 500 test examples; sigmoid with a
 * tie, in rows written before {@code test_examples} existed; an MNIST model whose only trial failed; an MNIST
 * softsign/normalized model with one repeat on a 10,000-example test set).
 */
class ModelSelectionIT {
  private static final double EPS = 1e-12;
  @TempDir static Path temp;
  private static SparkSession spark;

  @BeforeAll
  static void writeSweep() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    // tanh/normalized, test_size 500 of which the trainer evaluated 400 (test_examples):
    // (learning rate, repeat, status, best valid error, test error there)
    rows.add(trial("tanh", "normalized", "shapeset", 0.01, 0, "ok", 0.30, 0.31));
    rows.add(trial("tanh", "normalized", "shapeset", 0.01, 1, "ok", 0.34, 0.35));
    rows.add(trial("tanh", "normalized", "shapeset", 0.1, 0, "ok", 0.20, 0.25));
    rows.add(trial("tanh", "normalized", "shapeset", 0.1, 1, "ok", 0.24, 0.21));
    rows.add(trial("tanh", "normalized", "shapeset", 1.0, 0, "diverged", 0.10, 0.11));
    rows.add(trial("tanh", "normalized", "shapeset", 1.0, 1, "ok", 0.12, 0.13));
    rows.forEach(row -> set(row, "test_examples", 400));
    // sigmoid/standard: both rates have validation error 0.5, one repeat each; rows of results_version 4
    // (no test_examples) whose spec evaluated 250 of the 500 test examples
    rows.add(trial("sigmoid", "standard", "shapeset", 0.1, 0, "ok", 0.5, 0.7));
    rows.add(trial("sigmoid", "standard", "shapeset", 0.01, 0, "ok", 0.5, 0.8));
    for (Object[] sigmoid : rows.subList(6, 8)) {
      set(sigmoid, "spec_json", "{\"monitor\":{\"enabled\":true,\"evaluation_examples\":250}}");
      set(sigmoid, "results_version", 4);
    }
    // mnist: its only trial failed
    rows.add(trial("tanh", "normalized", "mnist", 0.1, 0, "failed", null, null));
    // mnist softsign/normalized: one repeat, 10,000 test examples
    Object[] softsign = trial("softsign", "normalized", "mnist", 0.1, 0, "ok", 0.021, 0.02);
    set(softsign, "test_examples", 10_000);
    rows.add(softsign);
    ParquetRows.write(ResultTable.TRIALS, rows,
        new org.apache.hadoop.fs.Path(temp.resolve("out/trials/sweep=hand/part-0.parquet").toString()),
        new Configuration());
    spark = SparkSession.builder().master("local[1]").appName("ModelSelectionIT")
        .config("spark.ui.enabled", "false").getOrCreate();
    ResultViews.register(spark, temp.resolve("out").toString());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theLowestMeanValidationErrorWinsAmongRatesWhoseRepeatsAllEndedOk() {
    Row tanh = selected("shapeset", "tanh");
    // lr 0.01: valid (0.30 + 0.34)/2 = 0.32; lr 0.1: (0.20 + 0.24)/2 = 0.22; lr 1.0 has a diverged repeat
    assertEquals(0.1, tanh.<Double>getAs("learning_rate"), EPS);
    assertEquals(0.22, tanh.<Double>getAs("mean_valid_error"), EPS);
    assertEquals(List.of(0.01, 0.1, 1.0), tanh.getList(tanh.fieldIndex("lr_grid")));
    assertFalse(tanh.<Boolean>getAs("lr_at_grid_edge"));
    assertEquals(6L, tanh.<Long>getAs("trials"));
    assertEquals(1L, tanh.<Long>getAs("trials_not_ok"));
    // test errors 0.25, 0.21: mean 0.23, s^2 = (0.02^2 + 0.02^2)/(2 - 1) = 0.0008; on the 400 test examples
    // evaluated, half-width 1.96 sqrt(0.0008/2 + 0.23 * 0.77/400) = 1.96 sqrt(0.0004 + 0.00044275)
    assertEquals(400, tanh.<Integer>getAs("n_test"));
    assertEquals(0.23, tanh.<Double>getAs("test_error_mean"), EPS);
    assertEquals(Math.sqrt(0.0008), tanh.<Double>getAs("test_error_std"), EPS);
    double halfWidth = 1.96 * Math.sqrt(0.0004 + 0.1771 / 400);
    assertEquals(0.23 - halfWidth, tanh.<Double>getAs("test_error_low95"), EPS);
    assertEquals(0.23 + halfWidth, tanh.<Double>getAs("test_error_high95"), EPS);
    assertEquals(0.05690, halfWidth, 1e-5);
    assertEquals(List.of(seed("shapeset-tanh-normalized-0.1-0"), seed("shapeset-tanh-normalized-0.1-1")).stream()
        .sorted().toList(), tanh.getList(tanh.fieldIndex("seeds")));
  }

  @Test
  void aFileDataSetsIntervalUsesTheTestExamplesItsTrainerEvaluated() {
    Row softsign = selected("mnist", "softsign");
    assertEquals(10_000, softsign.<Integer>getAs("n_test"));
    // 0.02 +- 1.96 sqrt(0.02 * 0.98 / 10000) = 0.02 +- 0.002744
    assertEquals(0.02 - 0.002744, softsign.<Double>getAs("test_error_low95"), 1e-9);
    assertEquals(0.02 + 0.002744, softsign.<Double>getAs("test_error_high95"), 1e-9);
  }

  @Test
  void aTieGoesToTheSmallerRateAndAOneRepeatIntervalCoversTheTestSetOnly() {
    Row sigmoid = selected("shapeset", "sigmoid");
    assertEquals(0.01, sigmoid.<Double>getAs("learning_rate"), EPS);
    assertTrue(sigmoid.<Boolean>getAs("lr_at_grid_edge"));
    assertNull(sigmoid.getAs("test_error_std"));
    // rows without test_examples: the spec's 250 evaluated of test_size 500;
    // 0.8 +- 1.96 sqrt(0.8 * 0.2 / 250) = 0.8 +- 0.0495846
    assertEquals(250, sigmoid.<Integer>getAs("n_test"));
    assertEquals(0.8 - 0.0495846, sigmoid.<Double>getAs("test_error_low95"), 1e-7);
    assertEquals(0.8 + 0.0495846, sigmoid.<Double>getAs("test_error_high95"), 1e-7);
  }

  @Test
  void aModelWithoutAnEligibleRateIsListedWithoutAWinner() {
    Row mnist = selected("mnist", "tanh");
    assertNull(mnist.getAs("learning_rate"));
    assertNull(mnist.getAs("test_error_mean"));
    assertEquals(1L, mnist.<Long>getAs("trials_not_ok"));
    assertEquals(4L, spark.sql("SELECT count(*) FROM selected").first().getLong(0));
  }

  @Test
  void table1PutsOurSelectedModelsBesideThePapersCellsAndMarksTheOnesWorseThanTheBestOfTheColumn() {
    PaperTable1.register(spark, "hand");
    List<Row> cells = spark.sql("SELECT model, dataset, paper_error_percent, our_error_percent, difference,"
        + " worse_than_best_of_column FROM table1 WHERE our_error_percent IS NOT NULL ORDER BY model")
        .collectAsList();
    assertEquals(20L, spark.sql("SELECT count(*) FROM table1").first().getLong(0));
    assertEquals(3, cells.size(), cells::toString);
    // Sigmoid: ours 80.0 against 82.61; z = (0.8 - 0.23) / sqrt(0.8 * 0.2/250 + 0.0004 + 0.1771/400) = 14.8
    assertEquals(List.of("Sigmoid", "shapeset", 82.61), List.of(cells.get(0).get(0), cells.get(0).get(1),
        cells.get(0).get(2)));
    assertEquals(80.0, cells.get(0).getDouble(3), 1e-9);
    assertEquals(80.0 - 82.61, cells.get(0).getDouble(4), 1e-9);
    assertTrue(cells.get(0).getBoolean(5));
    // Softsign N on MNIST: alone in its column, so the best of it
    assertEquals(List.of("Softsign N", "mnist"), List.of(cells.get(1).get(0), cells.get(1).get(1)));
    assertEquals(2.0 - 1.72, cells.get(1).getDouble(4), 1e-9);
    assertFalse(cells.get(1).getBoolean(5));
    // Tanh N: ours 23.0 against 15.60, and it is the best of its column
    assertEquals("Tanh N", cells.get(2).getString(0));
    assertEquals(23.0 - 15.60, cells.get(2).getDouble(4), 1e-9);
    assertFalse(cells.get(2).getBoolean(5));
  }

  private static Row selected(String dataset, String activation) {
    List<Row> rows = spark.sql("SELECT * FROM selected WHERE dataset = '" + dataset
        + "' AND activation = '" + activation + "'").collectAsList();
    assertEquals(1, rows.size(), () -> "selected rows of " + dataset + " " + activation + ": " + rows);
    return rows.get(0);
  }

  /** A {@code trials} row of a depth-2, width-8 net, in the table's column order. */
  private static Object[] trial(String activation, String init, String dataset, double learningRate,
      int repeat, String status, Double bestValid, Double testAtBestValid) {
    ResultTable t = ResultTable.TRIALS;
    Object[] row = new Object[t.columns().size()];
    String id = String.format("%s-%s-%s-%s-%d", dataset, activation, init, learningRate, repeat);
    set(row, "trial_id", id);
    set(row, "group_name", "hand");
    set(row, "repeat", repeat);
    set(row, "origin", "common");
    set(row, "dataset", dataset);
    set(row, "data_options", dataset.equals("shapeset") ? "{\"test_size\":500}" : "{}");
    set(row, "depth", 2);
    set(row, "hidden_widths", new int[] {8, 8});
    set(row, "width", 8);
    set(row, "activation", activation);
    set(row, "init", init);
    set(row, "init_gain", 1.0);
    set(row, "cost", "nll");
    set(row, "learning_rate", learningRate);
    set(row, "batch_size", 10);
    set(row, "updates", 100L);
    set(row, "precision", "float32");
    set(row, "seed", seed(id));
    set(row, "status", status);
    set(row, "updates_done", status.equals("failed") ? 0L : 100L);
    set(row, "best_valid_error", bestValid);
    set(row, "test_error_at_best_valid", testAtBestValid);
    set(row, "wall_seconds", 1.0);
    for (String text : List.of("host", "project_version", "git_commit", "java_version", "spark_version",
        "ejml_version", "os_arch", "spec_json")) {
      set(row, text, "-");
    }
    set(row, "attempt", 0);
    return row;
  }

  private static long seed(String trialId) {
    return trialId.hashCode();
  }

  private static void set(Object[] row, String column, Object value) {
    row[ResultTable.TRIALS.indexOf(column)] = value;
  }
}
