package org.glorotsweep.sweep.report;

import java.util.List;

/**
 * The paper's figures as queries over {@code selected_trials} (each model's trials at its selected learning
 * rate; see {@link ReportWriter}), {@code selected} and the result views. Every aggregation happens in SQL:
 * the driver collects only the points drawn. Layers are numbered as in {@code layer_stats}: 1..L the hidden
 * layers from the input, L+1 the softmax layer.
 */
final class Figures {
  private Figures() {}

  /** The figures in report order, for sweep {@code sweep} (already SQL-quoted). */
  static List<Figure> all(String sweep) {
    return List.of(
        curves(sweep),
        layerStatistic("fig2_activation_mean", "Fig. 2", "Mean of each layer's activations over training",
            "activation", "mean", sweep),
        layerStatistic("fig2_3_activation_std", "Fig. 2, 3 and 10",
            "Standard deviation of each layer's activations over training", "activation", "std", sweep),
        layerStatistic("fig3_activation_p98", "Fig. 3 and 10",
            "98th percentile of each layer's activations over training", "activation", "p98", sweep),
        histogram("fig4_activation_histograms_end", "Fig. 4",
            "Activation histograms at the end of training (the last measurement point), per layer",
            "activation", "activation", false, sweep),
        histogram("fig6_activation_histograms_init", "Fig. 6",
            "Activation histograms at initialisation, per layer (standard vs normalized init by panel)",
            "activation", "activation", true, sweep),
        histogram("fig7_backprop_gradient_histograms_init", "Fig. 7",
            "Back-propagated gradient histograms at initialisation, per layer",
            "backprop_gradient", "back-propagated gradient", true, sweep),
        histogram("fig8_weight_gradient_histograms_init", "Fig. 8",
            "Weight-gradient histograms at initialisation, per layer",
            "weight_gradient", "weight gradient", true, sweep),
        layerStatistic("fig9_weight_gradient_std", "Fig. 9",
            "Standard deviation of each layer's weight gradients over training", "weight_gradient", "std", sweep),
        layerStatistic("jacobian_singular_values", "Section 4.2 (Jacobian singular values)",
            "Mean singular value of each layer's Jacobian dz^k/dz^(k-1), from initialisation (update 0) on",
            "jacobian_singular_value", "mean", sweep),
        depth(sweep));
  }

  /** Test error against examples seen: one line per model, the mean over its repeats at each point. */
  private static Figure curves(String sweep) {
    String from = """
        FROM selected_trials d JOIN curves c ON c.trial_id = d.trial_id AND c.sweep = '%s'""".formatted(sweep);
    return new Figure("fig11_test_error_vs_examples", "Fig. 11 and 12",
        "Test error against examples seen, per model at its selected learning rate (mean over repeats)",
        "examples seen", "test error", true, """
        SELECT 'all models' AS panel, d.model AS series, c.update * d.batch_size AS x, avg(c.test_error) AS y
        %s
        GROUP BY d.model, c.update, d.batch_size ORDER BY panel, series, x""".formatted(from),
        "SELECT DISTINCT d.trial_id " + from);
  }

  /**
   * Test error at best validation (mean over repeats at the selected rate) against depth, one line per model
   * family (a model but for its depth and widths) that has more than one depth.
   */
  private static Figure depth(String sweep) {
    String families = """
        WITH families AS (
          SELECT *, size(collect_set(depth) OVER (PARTITION BY dataset, data_options, width, activation,
                     init, init_gain, cost, batch_size, precision, updates)) AS depths
          FROM selected WHERE sweep = '%s' AND test_error_mean IS NOT NULL)""".formatted(sweep);
    return new Figure("test_error_vs_depth", "Depth sweep (Table 1 at other depths)",
        "Test error at best validation against depth, per model family with more than one depth",
        "hidden layers", "test error", true, families + """

            SELECT concat(dataset, ' ', data_options) AS panel,
                   concat(activation, '/', init, ' width ', coalesce(CAST(width AS STRING), 'unequal'),
                          CASE WHEN init_gain <> 1.0 THEN concat(' gain ', init_gain) ELSE '' END,
                          ' ', cost, ' batch ', batch_size, ' ', precision, ' ', updates, ' updates') AS series,
                   depth AS x, test_error_mean AS y
            FROM families WHERE depths > 1 ORDER BY panel, series, x""",
        families + """

            SELECT t.trial_id FROM families f JOIN trials t ON %s AND t.learning_rate = f.learning_rate
            WHERE f.depths > 1""".formatted(ModelSelection.joinOn("f", "t")));
  }

  /** {@code column} of {@code quantity}'s statistics per layer against updates; one panel per model. */
  private static Figure layerStatistic(
      String id, String paperFigure, String title, String quantity, String column, String sweep) {
    String from = """
        FROM selected_trials d JOIN layer_stats s ON s.trial_id = d.trial_id AND s.sweep = '%s'
        WHERE d.first_repeat AND s.quantity = '%s'""".formatted(sweep, quantity);
    return new Figure(id, paperFigure, title, "updates", quantity.replace('_', ' ') + " " + column, false, """
        SELECT d.model AS panel, concat('layer ', s.layer) AS series, s.update AS x, s.%s AS y
        %s
        ORDER BY panel, s.layer, x""".formatted(column, from), "SELECT DISTINCT d.trial_id " + from);
  }

  /**
   * The normalised histogram (fraction of values per bin, at the bin centre low + (i + 1/2)(high - low)/bins)
   * of {@code quantity} at update 0 ({@code atInit}) or at the trial's last histogram; one panel per model,
   * one line per layer.
   */
  private static Figure histogram(String id, String paperFigure, String title, String quantity, String xLabel,
      boolean atInit, String sweep) {
    String histograms = """
        WITH h AS (
          SELECT *, max(update) OVER (PARTITION BY trial_id) AS last_update
          FROM histograms WHERE sweep = '%s' AND quantity = '%s')""".formatted(sweep, quantity);
    String at = "WHERE d.first_repeat AND h.update = " + (atInit ? "0" : "h.last_update");
    return new Figure(id, paperFigure, title, xLabel, "fraction of values", false, histograms + """

        SELECT d.model AS panel, concat('layer ', h.layer) AS series,
               h.low + (b.pos + 0.5) * (h.high - h.low) / size(h.counts) AS x,
               try_divide(b.count, aggregate(h.counts, 0L, (a, v) -> a + v)) AS y
        FROM selected_trials d JOIN h ON h.trial_id = d.trial_id
        LATERAL VIEW posexplode(h.counts) b AS pos, count
        %s
        ORDER BY panel, h.layer, x""".formatted(at),
        histograms + "\nSELECT DISTINCT d.trial_id FROM selected_trials d JOIN h ON h.trial_id = d.trial_id " + at);
  }
}
