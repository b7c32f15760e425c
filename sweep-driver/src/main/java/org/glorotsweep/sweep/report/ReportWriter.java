package org.glorotsweep.sweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the static report of one sweep: {@code index.html} (tables, and figures drawn by ECharts, whose
 * script is inlined so the page opens from disk with no server or network) and one CSV per table and figure,
 * all made by Spark SQL over the registered result views; only aggregated rows reach the driver.
 *
 * <p>It works on a partial sweep: a Table 1 cell or model without a result is shown as missing, trials that
 * diverged, failed or timed out are listed with their status, and a figure without data is listed as not
 * drawn. Trials a learning-rate search stopped have a table of their own, with where and why, and each
 * searched model's race is drawn.
 */
public final class ReportWriter {
  private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private final SparkSession spark;
  private final String sweep;
  private final StringBuilder body = new StringBuilder();

  private ReportWriter(SparkSession spark, String sweep) {
    this.spark = spark;
    this.sweep = sweep;
  }

  /**
   * Writes the report of sweep {@code sweep} into {@code directory} (created if absent), from the views
   * {@code ResultViews} registered.
   *
   * @return the number of figures drawn
   */
  public static int write(SparkSession spark, String sweep, Path directory) throws IOException {
    Files.createDirectories(directory);
    String quoted = sweep.replace("'", "''");
    PaperTable1.register(spark, sweep);
    spark.sql("""
        SELECT t.sweep, t.trial_id, t.repeat, t.batch_size, s.model,
               row_number() OVER (PARTITION BY s.model ORDER BY t.repeat) = 1 AS first_repeat
        FROM trials t JOIN selected s ON %s AND t.learning_rate = s.learning_rate
        WHERE t.sweep = '%s'""".formatted(ModelSelection.joinOn("t", "s"), quoted))
        .createOrReplaceTempView("selected_trials");
    ReportWriter report = new ReportWriter(spark, sweep);
    report.tables(quoted, directory);
    int drawn = 0;
    for (Figure figure : Figures.all(quoted)) {
      drawn += report.figure(figure, directory) ? 1 : 0;
    }
    Files.writeString(directory.resolve("index.html"), report.page(drawn), StandardCharsets.UTF_8);
    return drawn;
  }

  private void tables(String quoted, Path directory) throws IOException {
    List<Row> table1 = spark.sql("SELECT * FROM table1 WHERE depth IS NOT NULL").collectAsList();
    table(directory, "table1", "Table 1: test error (%) beside Glorot & Bengio (2010)",
        table1Caption(table1), """
        SELECT model, dataset, paper_error_percent, our_error_percent, difference, worse_than_best_of_column,
               our_std_percent, our_low95_percent, our_high95_percent, n_test, repeats, learning_rate, lr_grid,
               lr_at_grid_edge, depth, width, updates, batch_size, seeds
        FROM (SELECT *, max(our_error_percent IS NOT NULL) OVER (PARTITION BY dataset) AS has_results FROM table1)
        ORDER BY has_results DESC, dataset, model""",
        EmptyCell.MISSING);
    table(directory, "selected_models", "Model selection: each model's learning rate with the lowest mean"
        + " validation error", "The view selected. A model is every spec field but the learning rate and the"
        + " repeat; a rate is eligible only when all its repeats ended ok (a rate a search stopped is not). Test"
        + " error is at the point of best validation error, as mean p and std s over k repeats; the interval is"
        + " p ± 1.96 sqrt(s²/k +"
        + " p(1-p)/n_test), n_test the test examples the trainer evaluated. lr_at_grid_edge: the winner"
        + " is the smallest or largest rate tried, so the grid may have been too narrow. Empty winner columns:"
        + " no eligible rate (see the trials that diverged, failed or timed out, and those the search stopped).", """
        SELECT model, learning_rate, lr_grid, lr_at_grid_edge, mean_valid_error, test_error_mean,
               test_error_std, test_error_low95, test_error_high95, repeats, seeds, n_test, trials, trials_not_ok,
               trials_stopped
        FROM selected WHERE sweep = '%s' ORDER BY model""".formatted(quoted), EmptyCell.MISSING);
    table(directory, "lr_grid", "Learning-rate grid per model",
        "The view lr_grid: every model and learning rate, with its mean validation error over repeats.", """
        SELECT model, learning_rate, repeats, ok_repeats, stopped_repeats, eligible, mean_valid_error,
               test_error_mean,
               test_error_std FROM lr_grid WHERE sweep = '%s' ORDER BY model, learning_rate""".formatted(quoted),
        EmptyCell.MISSING);
    table(directory, "trial_status", "Trials committed, by status",
        "Every committed trial of the sweep; a running or interrupted sweep reports these only.", """
        SELECT status, count(*) AS trials, sum(updates_done) AS updates_done, sum(wall_seconds) AS wall_seconds
        FROM trials WHERE sweep = '%s' GROUP BY status ORDER BY status""".formatted(quoted), EmptyCell.MISSING);
    table(directory, "trials_not_ok", "Trials that diverged, failed or timed out",
        "Trials that did not end ok, with where they stopped and why; those a learning-rate search stopped are"
        + " in the next table.", """
        SELECT trial_id, group_name, activation, init, depth, width, learning_rate, repeat, status,
               diverged_at_update, updates_done, wall_seconds, error_class, error_message
        FROM trials WHERE sweep = '%s' AND status NOT IN ('ok', 'stopped')
        ORDER BY status, trial_id""".formatted(quoted), EmptyCell.NOT_APPLICABLE);
    table(directory, "trials_stopped", "Stopped by the search",
        "Trials a learning-rate search (successive halving) stopped after a rung of its race; their rows stand as"
        + " at that rung (stopped_at_rung, 0 = the first), whose update is stopped_at_update. stop_metric_value is"
        + " their learning rate's stop_metric there, the mean over its repeats, and stop_rank its rank (1 = best)"
        + " among the rates that entered the rung; both are empty for a rate not ranked because a repeat ended"
        + " before the rung. The race per model is drawn in the figure of the learning-rate search.", """
        SELECT trial_id, group_name, dataset, activation, init, depth, width, learning_rate, repeat,
               stopped_at_rung, final_update AS stopped_at_update, stop_metric, stop_metric_value, stop_rank,
               stop_reason
        FROM trials WHERE sweep = '%s' AND status = 'stopped'
        ORDER BY group_name, dataset, activation, init, depth, width, learning_rate, repeat""".formatted(quoted),
        EmptyCell.NOT_APPLICABLE);
    reproducibility(quoted, directory);
  }

  /** The verdicts of every {@code reproduce} run of the sweep, oldest first, and the differences found. */
  private void reproducibility(String quoted, Path directory) throws IOException {
    table(directory, "reproductions", "Reproducibility: verdicts over time",
        "Each reproduce run of this sweep (the view reproductions): how many of the trials it re-ran were"
        + " identical, within tolerance, drifted or failed, how many were not identical although no provenance"
        + " had changed (ours: a defect of glorot-sweep), and which provenance differed between the committed"
        + " runs and the re-runs. None: no reproduce run yet.", """
        SELECT reproduction_id, min(started_at) AS started_at, count(*) AS trials,
               count_if(verdict = 'identical') AS identical, count_if(verdict = 'within_tolerance') AS within_tolerance,
               count_if(verdict = 'drifted') AS drifted, count_if(verdict = 'failed') AS failed,
               count_if(cause = 'ours') AS ours,
               concat_ws(',', array_sort(array_distinct(flatten(collect_list(split(nullif(changed, ''), ','))))))
                 AS changed
        FROM reproductions WHERE sweep = '%s' GROUP BY reproduction_id ORDER BY reproduction_id""".formatted(quoted),
        EmptyCell.NOT_APPLICABLE);
    table(directory, "reproduction_differences", "Reproducibility: trials that drifted or failed",
        "Per reproduce run, newest first, each trial whose re-run drifted beyond tolerance or failed: the likely"
        + " cause, the largest difference (table, column, update) and the largest few.", """
        SELECT reproduction_id, trial_id, verdict, cause, changed, worst_table, worst_column, worst_update,
               worst_difference, largest_differences
        FROM reproductions WHERE sweep = '%s' AND verdict IN ('drifted', 'failed')
        ORDER BY reproduction_id DESC, trial_id""".formatted(quoted), EmptyCell.NOT_APPLICABLE);
  }

  /** The caption of Table 1: our protocol, computed from the cells, against the paper's. */
  static String table1Caption(List<Row> cells) {
    TreeSet<String> depths = new TreeSet<>();
    TreeSet<String> widths = new TreeSet<>();
    TreeSet<String> updates = new TreeSet<>();
    TreeSet<String> repeats = new TreeSet<>();
    TreeSet<String> batches = new TreeSet<>();
    List<String> differences = new ArrayList<>();
    for (Row row : cells) {
      depths.add(Cells.text(row.getAs("depth"), false));
      widths.add(row.getAs("width") == null ? "unequal" : Cells.text(row.getAs("width"), false));
      updates.add(Cells.text(row.getAs("updates"), false));
      repeats.add(Cells.text(row.getAs("repeats"), false));
      batches.add(Cells.text(row.getAs("batch_size"), false));
      if (row.<Integer>getAs("depth") != PaperTable1.PAPER_DEPTH && !differences.contains("depth")) {
        differences.add("depth");
      }
      if ((row.getAs("width") == null || row.<Integer>getAs("width") < PaperTable1.PAPER_WIDTH)
          && !differences.contains("width")) {
        differences.add("width");
      }
      if (row.<Long>getAs("updates") < PaperTable1.PAPER_UPDATES && !differences.contains("updates")) {
        differences.add("updates");
      }
      if (row.<Integer>getAs("batch_size") != PaperTable1.PAPER_BATCH_SIZE && !differences.contains("batch size")) {
        differences.add("batch size");
      }
    }
    String protocol = cells.isEmpty() ? "This sweep has no model for any cell of Table 1." : String.format(
        "Ours: %s hidden layers of width %s, %s updates of batch %s, %s repeats per learning rate (the grid"
            + " and the seeds are in the table). The paper: %d hidden layers of %d units, about %,d updates of"
            + " batch %d.%s",
        String.join("/", depths), String.join("/", widths), String.join("/", updates),
        String.join("/", batches), String.join("/", repeats), PaperTable1.PAPER_DEPTH, PaperTable1.PAPER_WIDTH,
        PaperTable1.PAPER_UPDATES, PaperTable1.PAPER_BATCH_SIZE,
        differences.isEmpty() ? "" : " Our protocol differs in: " + String.join(", ", differences) + ".");
    return "Paper values: Glorot & Bengio (2010), AISTATS, PMLR 9:249-256, Table 1. Ours: the test error at"
        + " best validation of the selected learning rate, mean over repeats (std and 95% interval beside it);"
        + " difference = ours - paper; a missing cell is a model this sweep has no result for."
        + " worse_than_best_of_column: a one-sided z-test at the 2.5% level against the best (lowest) of our"
        + " results for that data set, z = (p - p_best)/sqrt(v + v_best) > 1.96 with v = s²/k + p(1-p)/n_test"
        + " (k repeats of std s, n_test test examples); in bold, as the paper sets its best results, our"
        + " errors not significantly worse than the best. " + protocol;
  }

  /**
   * Writes a table's CSV and its section; an empty (NULL) cell reads as {@code empty} says, except the standard
   * deviation of one repeat, which is not applicable rather than missing.
   */
  private void table(Path directory, String id, String title, String caption, String sql, EmptyCell empty)
      throws IOException {
    Dataset<Row> frame = spark.sql(sql);
    List<Row> rows = frame.collectAsList();
    List<String> columns = Arrays.asList(frame.columns());
    Files.writeString(directory.resolve(id + ".csv"), Csv.of(columns, rows), StandardCharsets.UTF_8);
    body.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(title)).append("</h2>\n<p>")
        .append(Html.escape(caption)).append(" <a href=\"").append(id).append(".csv\">CSV</a></p>\n");
    if (rows.isEmpty()) {
      body.append("<p>None.</p>\n");
    } else {
      body.append("<table><tr>");
      columns.forEach(c -> body.append("<th>").append(Html.escape(c)).append("</th>"));
      body.append("</tr>\n");
      for (Row row : rows) {
        body.append("<tr>");
        for (int i = 0; i < row.size(); i++) {
          String text = Cells.text(row.get(i), true);
          if (text.isEmpty()) {
            EmptyCell meaning = empty.of(columns.get(i), columns, row);
            body.append("<td class=\"").append(meaning.cssClass()).append("\">").append(meaning.text()).append("</td>");
          } else if (PaperTable1.isBestOfColumn(columns.get(i), columns, row)) {
            body.append("<td><b>").append(Html.escape(text)).append("</b></td>");
          } else {
            body.append("<td>").append(Html.escape(text)).append("</td>");
          }
        }
        body.append("</tr>\n");
      }
      body.append("</table>\n");
    }
    body.append("<details><summary>SQL</summary><pre>").append(Html.escape(sql)).append("</pre></details>")
        .append("</section>\n");
  }

  /** Writes the figure's CSV and its section; false (and a "not drawn" note) when it has no data. */
  private boolean figure(Figure figure, Path directory) throws IOException {
    Dataset<Row> frame = spark.sql(figure.sql());
    List<Row> rows = frame.collectAsList();
    Files.writeString(directory.resolve(figure.id() + ".csv"), Csv.of(Arrays.asList(frame.columns()), rows),
        StandardCharsets.UTF_8);
    List<Row> drawn = spark.sql("SELECT trial_id FROM (" + figure.trialsSql() + ") ORDER BY trial_id")
        .collectAsList();
    body.append("<section id=\"").append(figure.id()).append("\"><h2>").append(Html.escape(figure.label()))
        .append(": ").append(Html.escape(figure.title())).append("</h2>\n");
    if (rows.isEmpty()) {
      body.append("<p>Not drawn: the sweep has no data for it.</p></section>\n");
      return false;
    }
    Map<String, Map<String, List<String>>> panels = new LinkedHashMap<>();
    for (Row row : rows) {
      panels.computeIfAbsent(row.getString(0), p -> new LinkedHashMap<>())
          .computeIfAbsent(row.getString(1), s -> new ArrayList<>())
          .add("[" + number(row.get(2)) + "," + number(row.get(3)) + "]");
    }
    int panel = 0;
    for (Map.Entry<String, Map<String, List<String>>> entry : panels.entrySet()) {
      String chartId = figure.id() + "_" + panel++;
      body.append("<div class=\"chart\" id=\"").append(chartId).append("\"></div>\n<script>draw(")
          .append(Html.jsonString(chartId)).append(',').append(Html.jsonString(entry.getKey())).append(',')
          .append(Html.jsonString(figure.xLabel())).append(',').append(Html.jsonString(figure.yLabel()))
          .append(",[");
      String separator = "";
      for (Map.Entry<String, List<String>> series : entry.getValue().entrySet()) {
        body.append(separator).append("{name:").append(Html.jsonString(series.getKey())).append(",data:[")
            .append(String.join(",", series.getValue())).append("]}");
        separator = ",";
      }
      body.append("]);</script>\n");
    }
    body.append("<p class=\"caption\">").append(Html.escape(figure.about())).append(" Draws ")
        .append(drawn.size()).append(drawn.size() == 1 ? " trial (" : " trials (")
        .append(Html.escape(figure.drawn())).append("): ")
        .append(Html.escape(String.join(" ", drawn.stream().map(r -> r.getString(0)).toList())))
        .append(". <a href=\"").append(figure.id()).append(".csv\">CSV</a></p>\n<details><summary>SQL</summary><pre>")
        .append(Html.escape(figure.sql())).append("</pre><p>Its trials:</p><pre>")
        .append(Html.escape(figure.trialsSql())).append("</pre></details></section>\n");
    return true;
  }

  private static String number(Object value) {
    if (value == null) {
      return "null";
    }
    double d = ((Number) value).doubleValue();
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }

  private String page(int figures) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s: Glorot &amp; Bengio (2010) reproduction</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;font-size:90%%}
        td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td.missing{color:#b00;font-style:italic}
        td.na{color:#999}
        .chart{width:720px;height:360px;margin:1em 0}.caption{font-size:90%%;color:#333}</style>
        <script>%2$s</script>
        <script>function draw(id, title, x, y, series) {
          const chart = echarts.init(document.getElementById(id), null, {renderer: 'svg'});
          chart.setOption({animation: false, title: {text: title, textStyle: {fontSize: 12}},
            tooltip: {trigger: 'axis'}, legend: {type: 'scroll', bottom: 0},
            grid: {left: 60, right: 20, top: 40, bottom: 60},
            xAxis: {type: 'value', name: x, nameLocation: 'middle', nameGap: 25, scale: true},
            yAxis: {type: 'value', name: y, scale: true},
            series: series.map(s => ({name: s.name, type: 'line', showSymbol: false, data: s.data}))});
        }</script></head>
        <body><h1>Sweep %1$s: Glorot &amp; Bengio (2010) reproduction</h1>
        <p>Tables and figures from the sweep's result views; %3$d figures drawn. Every table and figure has its
        data as CSV and the SQL that made it.</p>
        %4$s</body></html>
        """.formatted(Html.escape(sweep), echarts(), figures, body);
  }

  private static String echarts() {
    try (InputStream in = ReportWriter.class.getResourceAsStream(ECHARTS)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar is not on the class path: " + ECHARTS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ECHARTS, e);
    }
  }
}
