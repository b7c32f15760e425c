package org.glorotsweep.sweep.report;

import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.data.shapeset.ShapesetOptions;

/**
 * Model selection by validation error, as Glorot &amp; Bengio (2010, section 2.3) did it, as two SQL views
 * over {@code trials}.
 *
 * <p>A <em>model</em> is everything in a trial's spec except the learning rate, the repeat and the seed
 * derived from them: sweep, data set and its options, depth, hidden widths, activation, init, init gain,
 * cost, batch size, precision and updates.
 *
 * <p>{@code lr_grid}: one row per model and learning rate. Over its {@code k} committed repeats it gives the
 * mean validation error {@code mean_valid_error} = (1/k) sum best_valid_error, and the test error at the
 * point of best validation error ({@code test_error_at_best_valid}) as its mean {@code p}, its sample
 * standard deviation {@code s} over repeats (NULL for one repeat), and a 95% interval accounting for both the
 * spread over seeds and the finite test set of {@code n_test} examples:
 * <pre>
 *   p &plusmn; 1.96 sqrt(s&sup2;/k + p(1 - p)/n_test)
 * </pre>
 * (with one repeat s&sup2;/k is taken as 0: the interval then covers the test-set sampling only). The learning
 * rate is <em>eligible</em> only when every one of its repeats ended {@code ok}: a diverged, failed or
 * timed-out repeat has no comparable validation error, so its learning rate is not selected.
 * {@code n_test} is the number of test examples the trainer evaluated, {@code trials.test_examples} (the
 * smallest over the repeats, which share a spec). Rows written before results_version 5 lack it; for their
 * Shapeset trials it is rebuilt from the recorded spec, as the trainer chose it: the data options'
 * {@code test_size} (default {@value ShapesetOptions#DEFAULT_HELD_OUT_SIZE}) capped by a nonzero
 * {@code monitor.evaluation_examples}; for their file data sets it is NULL, and so is the interval.
 * {@code seeds} lists the repeats' seeds.
 *
 * <p>{@code selected}: one row per model. Its winner is the eligible learning rate with the lowest mean
 * validation error (ties: the smaller learning rate); the row also lists the model's whole learning-rate
 * grid and flags a winner at either end of it ({@code lr_at_grid_edge}: the grid may have been too narrow;
 * a one-point grid is always at its edge). A model without an eligible learning rate has NULL winner
 * columns.
 */
public final class ModelSelection {
  /** The model's columns: every spec field except learning rate, repeat and seed. */
  static final String MODEL_COLUMNS = "sweep, dataset, data_options, depth, hidden_widths, width, activation,"
      + " init, init_gain, cost, batch_size, precision, updates";

  private static final String LR_GRID = """
      SELECT %1$s,
             concat(dataset, ' ', activation, '/', init,
                    ' depth ', depth, ' widths ', array_join(hidden_widths, 'x'),
                    CASE WHEN init_gain <> 1.0 THEN concat(' gain ', init_gain) ELSE '' END,
                    ' ', cost, ' batch ', batch_size, ' ', precision, ' ', updates, ' updates') AS model,
             learning_rate,
             count(*) AS repeats,
             count_if(status = 'ok') AS ok_repeats,
             count(*) = count_if(status = 'ok') AND count(best_valid_error) = count(*) AS eligible,
             avg(best_valid_error) AS mean_valid_error,
             avg(test_error_at_best_valid) AS test_error_mean,
             stddev_samp(test_error_at_best_valid) AS test_error_std,
             min(coalesce(test_examples, CASE WHEN dataset = 'shapeset' THEN least(
                 coalesce(try_cast(get_json_object(data_options, '$.test_size') AS INT), %2$d),
                 nullif(try_cast(get_json_object(spec_json, '$.monitor.evaluation_examples') AS INT), 0)) END))
                 AS n_test,
             array_sort(collect_list(seed)) AS seeds
      FROM trials
      GROUP BY %1$s, learning_rate
      """;

  private static final String LR_GRID_WITH_INTERVAL = """
      SELECT *,
             test_error_mean - 1.96 * sqrt(coalesce(test_error_std * test_error_std, 0.0) / repeats
                 + test_error_mean * (1 - test_error_mean) / n_test) AS test_error_low95,
             test_error_mean + 1.96 * sqrt(coalesce(test_error_std * test_error_std, 0.0) / repeats
                 + test_error_mean * (1 - test_error_mean) / n_test) AS test_error_high95
      FROM (%s)
      """;

  private static final String SELECTED = """
      WITH ranked AS (
        SELECT *, row_number() OVER (PARTITION BY %1$s
                                     ORDER BY mean_valid_error, learning_rate) AS rank
        FROM lr_grid WHERE eligible),
      grids AS (
        SELECT %1$s, first(model) AS model, array_sort(collect_list(learning_rate)) AS lr_grid,
               sum(repeats) AS trials, sum(repeats - ok_repeats) AS trials_not_ok
        FROM lr_grid GROUP BY %1$s)
      SELECT g.*, r.learning_rate, r.repeats, r.seeds, r.mean_valid_error, r.test_error_mean, r.test_error_std,
             r.n_test, r.test_error_low95, r.test_error_high95,
             r.learning_rate IN (element_at(g.lr_grid, 1), element_at(g.lr_grid, -1)) AS lr_at_grid_edge
      FROM grids g LEFT JOIN (SELECT * FROM ranked WHERE rank = 1) r ON %2$s
      """;

  private ModelSelection() {}

  /** Registers {@code lr_grid} and {@code selected} over the already registered {@code trials} view. */
  public static void register(SparkSession spark) {
    String perRate = LR_GRID.formatted(MODEL_COLUMNS, ShapesetOptions.DEFAULT_HELD_OUT_SIZE);
    spark.sql(LR_GRID_WITH_INTERVAL.formatted(perRate)).createOrReplaceTempView("lr_grid");
    spark.sql(SELECTED.formatted(MODEL_COLUMNS, joinOn("g", "r"))).createOrReplaceTempView("selected");
  }

  /** {@code a.c <=> b.c AND ...} over the model columns (null-safe: width is NULL for unequal widths). */
  static String joinOn(String left, String right) {
    StringBuilder on = new StringBuilder();
    for (String column : MODEL_COLUMNS.split(",\\s*")) {
      if (!on.isEmpty()) {
        on.append(" AND ");
      }
      on.append(left).append('.').append(column).append(" <=> ").append(right).append('.').append(column);
    }
    return on.toString();
  }
}
