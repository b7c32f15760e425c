package org.glorotsweep.sweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report of the smoke sweep ({@code conf/smoke.yaml}, run once on an in-process Spark): produced through
 * the command line, Table 1 with the five Shapeset cells the smoke sweep has, each figure's CSV with the rows
 * its trials imply, a report of the same sweep with a failed trial added, and the page rendered by headless
 * Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs).
 */
class ReportIT {
  /** The one figure the smoke sweep has no data for. */
  private static final String NO_DATA = "test_error_vs_depth";

  @TempDir static Path temp;
  static SparkSession spark;
  static Path output;
  static Path report;

  @BeforeAll
  static void runSmokeSweepAndReport() throws Exception {
    output = temp.resolve("out");
    SweepConfig smoke = SweepConfigLoader.load(Path.of("../conf/smoke.yaml"), HadoopDataShapes.of(new Configuration()))
        .withOutput(output.toString());
    spark = session();
    new SweepDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200).run(smoke, SweepDriver.Rerun.NONE);
    report = temp.resolve("report");
    assertEquals(0, report(output, report));
  }

  private static SparkSession session() {
    return SparkSession.builder().master("local[2]").appName("ReportIT").config("spark.ui.enabled", "false")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * Runs {@code report OUTPUT --out DIR} through {@link Main}, which stops the session it shares with the
   * test; then starts a new one with the smoke output's views. Returns the command's exit code.
   */
  static int report(Path from, Path to) throws Exception {
    int code = Main.run(List.of("report", from.toString(), "--out", to.toString()),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    spark = session();
    ResultViews.register(spark, output.toString());
    return code;
  }

  @Test
  void theReportHasAPageAndOneCsvPerTableAndFigure() throws IOException {
    String page = Files.readString(report.resolve("index.html"));
    for (String table : List.of("table1", "selected_models", "lr_grid", "trial_status", "trials_not_ok")) {
      assertTrue(Files.exists(report.resolve(table + ".csv")), table);
      assertTrue(page.contains("id=\"" + table + "\""), table);
    }
    for (Figure figure : Figures.all("smoke")) {
      assertTrue(Files.exists(report.resolve(figure.id() + ".csv")), figure.id());
      // the smoke sweep has one depth per model family: no depth figure
      assertEquals(!figure.id().equals(NO_DATA), page.contains("id=\"" + figure.id() + "_0\""), figure.id());
    }
    assertEquals(1, csv(report.resolve(NO_DATA + ".csv")).size(), "header only");
    assertTrue(page.contains("Not drawn: the sweep has no data for it."));
    assertTrue(page.contains("echarts"), "the chart library is inlined");
    assertTrue(!page.contains("<script src"), "the page loads no script from elsewhere");
  }

  @Test
  void table1HoldsTheFiveShapesetCellsOfTheSmokeSweepAndMarksTheRestMissing() throws IOException {
    List<List<String>> rows = csv(report.resolve("table1.csv"));
    assertEquals(21, rows.size(), "header and 20 paper cells");
    List<String> header = rows.get(0);
    int dataset = header.indexOf("dataset");
    int paper = header.indexOf("paper_error_percent");
    int ours = header.indexOf("our_error_percent");
    int difference = header.indexOf("difference");
    // the data sets the sweep has results for come first
    assertEquals(List.of("shapeset"), rows.subList(1, 6).stream().map(r -> r.get(dataset)).distinct().toList());
    int filled = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.get(dataset).equals("shapeset")) {
        filled++;
        String model = row.get(header.indexOf("model"));
        // one repeat, one learning rate: ours is that trial's test error at best validation, in percent
        String[] spec = switch (model) {
          case "Softsign" -> new String[] {"softsign", "standard"};
          case "Softsign N" -> new String[] {"softsign", "normalized"};
          case "Tanh" -> new String[] {"tanh", "standard"};
          case "Tanh N" -> new String[] {"tanh", "normalized"};
          default -> new String[] {"sigmoid", "standard"};
        };
        double expected = 100 * spark.sql("SELECT test_error_at_best_valid FROM trials WHERE activation = '"
            + spec[0] + "' AND init = '" + spec[1] + "'").first().getDouble(0);
        assertEquals(expected, Double.parseDouble(row.get(ours)), 1e-3 * Math.max(1, expected), model);
        assertEquals(Double.parseDouble(row.get(ours)) - Double.parseDouble(row.get(paper)),
            Double.parseDouble(row.get(difference)), 1e-2, model);
      } else {
        assertEquals("", row.get(ours), () -> "a cell the smoke sweep has no model for: " + row);
      }
    }
    assertEquals(5, filled);
  }

  @Test
  void intervalsCountTheTestExamplesTheTrainerEvaluatedAndOneRepeatHasNoStd() throws IOException {
    // smoke evaluates its whole 1000-example test sets, and every trial row says so
    assertEquals(List.of(1000), spark.sql("SELECT DISTINCT test_examples FROM trials").collectAsList().stream()
        .map(r -> r.get(0)).toList());
    List<List<String>> rows = csv(report.resolve("table1.csv"));
    List<String> header = rows.get(0);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.get(header.indexOf("dataset")).equals("shapeset")) {
        double p = Double.parseDouble(row.get(header.indexOf("our_error_percent"))) / 100;
        double halfWidth = 100 * 1.96 * Math.sqrt(p * (1 - p) / 1000);
        assertEquals("1000", row.get(header.indexOf("n_test")), row::toString);
        assertEquals(100 * p - halfWidth, Double.parseDouble(row.get(header.indexOf("our_low95_percent"))), 1e-9);
        assertEquals(100 * p + halfWidth, Double.parseDouble(row.get(header.indexOf("our_high95_percent"))), 1e-9);
        assertEquals("", row.get(header.indexOf("our_std_percent")), "no std in the data: one repeat");
      }
    }
    // on the page, the std of one repeat is not applicable, not missing: 5 models in Table 1, the selection
    // and the grid; the selection has no missing cell at all
    String page = Files.readString(report.resolve("index.html"));
    assertEquals(15, occurrences(page, "<td class=\"na\">n/a (1 repeat)</td>"));
    assertEquals(0, occurrences(section(page, "selected_models"), "missing"));
    // Table 1 sets in bold our errors that are not significantly worse than the best of their column
    long best = rows.stream().filter(r -> r.get(header.indexOf("worse_than_best_of_column")).equals("false")).count();
    assertTrue(best >= 1);
    assertEquals(best, occurrences(section(page, "table1"), "<b>"));
  }

  @Test
  void eachFigureCsvHasTheRowsItsTrialsImply() throws IOException {
    // every smoke model has one learning rate and one repeat, so every trial is drawn
    long curvePoints = count("SELECT count(*) FROM curves");
    assertEquals(curvePoints, csv(report.resolve("fig11_test_error_vs_examples.csv")).size() - 1);
    // one row per layer and measurement point
    for (String[] figure : List.of(new String[] {"fig2_activation_mean", "activation"},
        new String[] {"fig2_3_activation_std", "activation"}, new String[] {"fig3_activation_p98", "activation"},
        new String[] {"fig9_weight_gradient_std", "weight_gradient"},
        new String[] {"jacobian_singular_values", "jacobian_singular_value"})) {
      long rows = count("SELECT count(*) FROM layer_stats WHERE quantity = '" + figure[1] + "'");
      assertTrue(rows > 0, figure[1]);
      assertEquals(rows, csv(report.resolve(figure[0] + ".csv")).size() - 1, figure[0]);
    }
    // smoke's histograms have 50 bins; one row per bin of each layer's histogram at update 0 (or the last)
    for (String[] figure : List.of(new String[] {"fig6_activation_histograms_init", "activation", "0"},
        new String[] {"fig7_backprop_gradient_histograms_init", "backprop_gradient", "0"},
        new String[] {"fig8_weight_gradient_histograms_init", "weight_gradient", "0"},
        new String[] {"fig4_activation_histograms_end", "activation",
            "(SELECT max(update) FROM histograms l WHERE l.trial_id = h.trial_id)"})) {
      long histograms = count("SELECT count(*) FROM histograms h WHERE update = " + figure[2]
          + " AND quantity = '" + figure[1] + "'");
      assertTrue(histograms > 0, figure[0]);
      assertEquals(50 * histograms, csv(report.resolve(figure[0] + ".csv")).size() - 1, figure[0]);
    }
  }

  @Test
  void aSweepWithAFailedTrialStillReportsAndListsIt() throws Exception {
    Path copy = temp.resolve("with-failure");
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(output.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().startsWith(".")) {
          Files.copy(file, target);
        }
      }
    }
    // a depth-5 tanh/normalized model whose only trial failed: its model has no winner, its Table 1 cell
    // keeps the deepest model that has one
    org.apache.spark.sql.Row model = spark.sql("SELECT * FROM trials WHERE activation = 'tanh' AND init = 'normalized'")
        .first();
    Object[] failed = stored(ResultTable.TRIALS, model);
    failed[ResultTable.TRIALS.indexOf("trial_id")] = "f".repeat(32);
    failed[ResultTable.TRIALS.indexOf("depth")] = 5;
    failed[ResultTable.TRIALS.indexOf("hidden_widths")] = new int[] {64, 64, 64, 64, 64};
    failed[ResultTable.TRIALS.indexOf("status")] = "failed";
    failed[ResultTable.TRIALS.indexOf("error_class")] = "java.lang.IllegalStateException";
    failed[ResultTable.TRIALS.indexOf("error_message")] = "injected by ReportIT";
    for (String column : List.of("final_update", "final_train_cost", "final_valid_error", "final_valid_nll",
        "final_test_error", "final_test_nll", "best_valid_error", "best_valid_update", "test_error_at_best_valid",
        "weights_sha256")) {
      failed[ResultTable.TRIALS.indexOf(column)] = null;
    }
    failed[ResultTable.TRIALS.indexOf("updates_done")] = 0L;
    failed[ResultTable.TRIALS.indexOf("test_examples")] = null;
    // a relu/he model whose one trial ended ok with learning curves but no other rows: selected, but drawn in
    // no figure of layer statistics or histograms
    String relu = "e".repeat(32);
    Object[] curvesOnly = stored(ResultTable.TRIALS, model);
    curvesOnly[ResultTable.TRIALS.indexOf("trial_id")] = relu;
    curvesOnly[ResultTable.TRIALS.indexOf("hidden_widths")] = new int[] {64, 64, 64};
    curvesOnly[ResultTable.TRIALS.indexOf("activation")] = "relu";
    curvesOnly[ResultTable.TRIALS.indexOf("init")] = "he";
    List<Object[]> curves = new ArrayList<>();
    for (org.apache.spark.sql.Row point : spark.sql("SELECT * FROM curves WHERE trial_id = '"
        + model.getAs("trial_id") + "'").collectAsList()) {
      Object[] row = stored(ResultTable.CURVES, point);
      row[ResultTable.CURVES.indexOf("trial_id")] = relu;
      curves.add(row);
    }
    ParquetRows.write(ResultTable.CURVES, curves,
        new org.apache.hadoop.fs.Path(copy.resolve("curves/sweep=smoke/" + relu + ".parquet").toString()),
        new Configuration());
    ParquetRows.write(ResultTable.TRIALS, List.<Object[]>of(failed, curvesOnly),
        new org.apache.hadoop.fs.Path(copy.resolve("trials/sweep=smoke/failed.parquet").toString()),
        new Configuration());
    Path withFailure = temp.resolve("report-with-failure");
    assertEquals(0, report(copy, withFailure));
    List<List<String>> notOk = csv(withFailure.resolve("trials_not_ok.csv"));
    assertEquals(2, notOk.size(), notOk::toString);
    assertEquals("failed", notOk.get(1).get(notOk.get(0).indexOf("status")));
    String page = Files.readString(withFailure.resolve("index.html"));
    // a failed trial has no divergence update: not applicable, not missing
    assertEquals(0, occurrences(section(page, "trials_not_ok"), "missing"));
    assertTrue(section(page, "trials_not_ok").contains("<td class=\"na\">n/a</td>"));
    assertTrue(section(page, "trial_status").contains("<td>failed</td><td>1</td>"));
    List<List<String>> selected = csv(withFailure.resolve("selected_models.csv"));
    assertEquals(8, selected.size(), "seven models, one without a winner");
    assertTrue(selected.stream().anyMatch(r -> r.get(0).contains("depth 5") && r.get(1).isEmpty()),
        selected::toString);
    assertEquals(csv(report.resolve("table1.csv")), csv(withFailure.resolve("table1.csv")));
    // each caption names the trials whose rows the figure draws: the relu trial only where it has rows
    assertTrue(section(page, "fig11_test_error_vs_examples").contains("Draws 6 trials"));
    assertTrue(section(page, "fig11_test_error_vs_examples").contains(relu));
    for (String figure : List.of("fig2_activation_mean", "fig6_activation_histograms_init")) {
      assertTrue(section(page, figure).contains("Draws 5 trials"), figure);
      assertFalse(section(page, figure).contains(relu), figure);
    }
  }

  /**
   * Debian's headless Chromium opens the page from disk: every chart div holds a drawn SVG of non-trivial
   * size, Table 1 is there, and the console has no error.
   */
  @Test
  void theReportRendersInHeadlessChromiumFromDisk() throws IOException {
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run",
            "--user-data-dir=" + Files.createTempDirectory(temp, "chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(report.resolve("index.html").toUri().toString());
      List<WebElement> charts = browser.findElements(By.cssSelector("div.chart"));
      assertTrue(charts.size() >= Figures.all("smoke").size() - 1, () -> charts.size() + " charts");
      for (WebElement chart : charts) {
        WebElement svg = chart.findElement(By.tagName("svg"));
        assertTrue(svg.getSize().getWidth() > 300 && svg.getSize().getHeight() > 150,
            () -> chart.getAttribute("id") + " drew " + svg.getSize());
        assertTrue(svg.findElements(By.tagName("path")).size() > 5, () -> chart.getAttribute("id") + " is empty");
      }
      assertEquals(1, browser.findElements(By.cssSelector("section#table1 table")).size());
      List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
      assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());
    } finally {
      browser.quit();
    }
  }

  /** The stored columns' values of a row read from the view of {@code table}. */
  private static Object[] stored(ResultTable table, org.apache.spark.sql.Row row) {
    Object[] values = new Object[table.columns().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    return values;
  }

  /** The HTML of the section with id {@code id}. */
  private static String section(String page, String id) {
    int start = page.indexOf("<section id=\"" + id + "\"");
    assertTrue(start >= 0, id);
    return page.substring(start, page.indexOf("</section>", start));
  }

  private static long occurrences(String text, String part) {
    long n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private static long count(String sql) {
    return spark.sql(sql).first().getLong(0);
  }

  /** The fields of a CSV file written by {@link Csv} (quoted fields hold no line breaks here). */
  static List<List<String>> csv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      rows.add(fields);
    }
    return rows;
  }
}
