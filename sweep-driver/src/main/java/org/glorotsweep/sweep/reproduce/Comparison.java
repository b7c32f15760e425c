package org.glorotsweep.sweep.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.results.HistoryTable;
import org.glorotsweep.sweep.results.ResultTable;

/**
 * Compares re-run trials with their committed rows, in Spark SQL, and gives one {@code reproductions} row per
 * trial ({@link HistoryTable#REPRODUCTIONS}'s columns, without {@code started_at}).
 *
 * <p>Every compared value is a pair (a, b), a committed and b re-run, matched on the table's key (trial, and
 * update, layer and quantity where the table has them; a row present on one side only leaves the other side
 * NULL). Its difference, per {@link Tolerances}: 0 when a and b are equal, both NULL or both NaN; infinite when
 * only one is NULL, NaN or infinite, or an integer or status differs; else |a - b| for errors,
 * |a - b| / max(|a|, |b|, floor) for costs and statistics, and the fraction of counts moved for histograms.
 * Its ratio is difference / tolerance. Verdicts:
 *
 * <ul>
 *   <li>{@code failed}: the re-run's status is failed;
 *   <li>{@code identical}: every difference is 0 and the final weights' SHA-256 digests are equal;
 *   <li>{@code within_tolerance}: no ratio above 1;
 *   <li>{@code drifted}: some ratio above 1.
 * </ul>
 *
 * The cause of a verdict other than identical is the first provenance field that differs, in the order data
 * fingerprint, code (commit or maths version), Java version, Spark version, kernel, environment (EJML version, OS
 * and architecture); when none differs it is {@code ours}: the same code, data, JVM and kernel gave other numbers,
 * which is a defect of glorot-sweep (or a committed row changed since it was written).
 */
public final class Comparison {
  private static final String INFINITY = "double('Infinity')";

  private Comparison() {}

  /** How one column is compared. */
  private enum Kind {
    ERROR, NLL, STATS, EXACT, STATUS, HISTOGRAM
  }

  /** One compared column of a table. */
  private record Compared(String column, Kind kind) {}

  private static final Map<ResultTable, List<String>> KEYS = Map.of(
      ResultTable.TRIALS, List.of("trial_id"),
      ResultTable.CURVES, List.of("trial_id", "update"),
      ResultTable.LAYER_STATS, List.of("trial_id", "update", "layer", "quantity"),
      ResultTable.HISTOGRAMS, List.of("trial_id", "update", "layer", "quantity"));

  private static final Map<ResultTable, List<Compared>> COMPARED = Map.of(
      ResultTable.TRIALS, List.of(
          new Compared("status", Kind.STATUS), new Compared("updates_done", Kind.EXACT),
          new Compared("diverged_at_update", Kind.EXACT), new Compared("final_update", Kind.EXACT),
          new Compared("final_train_cost", Kind.NLL), new Compared("final_valid_error", Kind.ERROR),
          new Compared("final_valid_nll", Kind.NLL), new Compared("final_test_error", Kind.ERROR),
          new Compared("final_test_nll", Kind.NLL), new Compared("best_valid_error", Kind.ERROR),
          new Compared("best_valid_update", Kind.EXACT), new Compared("test_error_at_best_valid", Kind.ERROR)),
      ResultTable.CURVES, List.of(
          new Compared("train_cost", Kind.NLL), new Compared("valid_error", Kind.ERROR),
          new Compared("valid_nll", Kind.NLL), new Compared("test_error", Kind.ERROR),
          new Compared("test_nll", Kind.NLL)),
      ResultTable.LAYER_STATS, List.of(
          new Compared("count", Kind.EXACT), new Compared("mean", Kind.STATS), new Compared("variance", Kind.STATS),
          new Compared("std", Kind.STATS), new Compared("min", Kind.STATS), new Compared("max", Kind.STATS),
          new Compared("p02", Kind.STATS), new Compared("p50", Kind.STATS), new Compared("p98", Kind.STATS),
          new Compared("p98_abs", Kind.STATS), new Compared("saturated_fraction", Kind.STATS)),
      ResultTable.HISTOGRAMS, List.of(
          new Compared("low", Kind.STATS), new Compared("high", Kind.STATS),
          new Compared("counts", Kind.HISTOGRAM)));

  /**
   * The verdicts on the trials of {@code committed}.
   *
   * @param committed each table's committed rows of the trials that were run again (one sweep). Not modified.
   * @param rerun each table's rows of their re-runs. Not modified.
   * @param reproductionId the id of this reproduction run
   */
  public static Dataset<Row> verdicts(SparkSession spark, Map<ResultTable, Dataset<Row>> committed,
      Map<ResultTable, Dataset<Row>> rerun, Tolerances tolerances, String reproductionId) {
    for (ResultTable table : ResultTable.values()) {
      committed.get(table).createOrReplaceTempView(view("committed", table));
      rerun.get(table).createOrReplaceTempView(view("rerun", table));
    }
    List<String> differences = new ArrayList<>();
    for (ResultTable table : ResultTable.values()) {
      differences.add(differences(table, tolerances));
    }
    return spark.sql(String.format("""
        WITH differences AS (%s),
        rated AS (
          SELECT *, CASE WHEN difference = 0 THEN 0D WHEN tolerance = 0 THEN %s ELSE difference / tolerance END
            AS ratio FROM differences),
        per_trial AS (
          SELECT trial_id, count(*) AS compared_values, count_if(difference > 0) AS differing_values,
            count_if(ratio > 1) AS beyond_tolerance,
            max(CASE WHEN difference > 0 THEN struct(ratio, tbl, col, upd, layer, quantity, a, b, difference,
              tolerance) END) AS worst,
            nullif(array_join(transform(slice(sort_array(collect_list(CASE WHEN difference > 0 THEN
              struct(ratio, tbl, col, upd, layer, quantity, %s AS text) END), false), 1, 5), x -> x.text), '; '),
              '') AS largest_differences
          FROM rated GROUP BY trial_id),
        judged AS (
          SELECT c.trial_id, c.weights_sha256 AS committed_weights, r.weights_sha256 AS rerun_weights,
            r.status AS rerun_status, r.error_class, r.error_message, d.compared_values, d.differing_values,
            d.beyond_tolerance, d.worst, d.largest_differences, c.git_commit AS c_git,
            r.git_commit AS r_git, c.maths_version AS c_maths, r.maths_version AS r_maths,
            c.java_version AS c_java, r.java_version AS r_java,
            c.spark_version AS c_spark, r.spark_version AS r_spark, c.kernel AS c_kernel, r.kernel AS r_kernel,
            c.data_fingerprint AS c_data, r.data_fingerprint AS r_data,
            concat('ejml ', c.ejml_version, ', ', c.os_arch) AS c_environment,
            concat('ejml ', r.ejml_version, ', ', r.os_arch) AS r_environment,
            c.host AS c_host, r.host AS r_host, r.wall_seconds AS r_wall_seconds,
            CASE WHEN r.status = 'failed' THEN 'failed'
              WHEN d.differing_values = 0 AND c.weights_sha256 <=> r.weights_sha256 THEN 'identical'
              WHEN d.beyond_tolerance = 0 THEN 'within_tolerance'
              ELSE 'drifted' END AS verdict,
            concat_ws(',',
              IF(r.data_fingerprint IS NOT NULL AND NOT c.data_fingerprint <=> r.data_fingerprint, 'data', NULL),
              IF(c.git_commit <=> r.git_commit
                AND (r.maths_version IS NULL OR c.maths_version <=> r.maths_version), NULL, 'code'),
              IF(c.java_version <=> r.java_version, NULL, 'java'),
              IF(c.spark_version <=> r.spark_version, NULL, 'spark'),
              IF(r.kernel IS NOT NULL AND NOT c.kernel <=> r.kernel, 'kernel', NULL),
              IF(c.ejml_version <=> r.ejml_version AND c.os_arch <=> r.os_arch, NULL, 'environment')) AS changed
          FROM %s c JOIN %s r ON c.trial_id = r.trial_id LEFT JOIN per_trial d ON c.trial_id = d.trial_id)
        SELECT '%s' AS reproduction_id, trial_id, verdict,
          CASE WHEN verdict = 'identical' THEN NULL WHEN changed = '' THEN 'ours'
            ELSE substring_index(changed, ',', 1) END AS cause,
          changed,
          IF(rerun_status = 'failed', NULL, committed_weights <=> rerun_weights) AS weights_identical,
          coalesce(compared_values, 0L) AS compared_values, coalesce(differing_values, 0L) AS differing_values,
          coalesce(beyond_tolerance, 0L) AS beyond_tolerance,
          worst.tbl AS worst_table, worst.col AS worst_column, worst.upd AS worst_update,
          worst.layer AS worst_layer, worst.quantity AS worst_quantity, worst.a AS worst_committed,
          worst.b AS worst_rerun, worst.difference AS worst_difference, worst.tolerance AS worst_tolerance,
          largest_differences,
          IF(rerun_status = 'failed', concat(error_class, ': ', error_message), NULL) AS rerun_error,
          '%s' AS tolerances,
          c_maths AS committed_maths_version, r_maths AS rerun_maths_version,
          c_git AS committed_git_commit, r_git AS rerun_git_commit,
          c_java AS committed_java_version, r_java AS rerun_java_version,
          c_spark AS committed_spark_version, r_spark AS rerun_spark_version,
          c_kernel AS committed_kernel, r_kernel AS rerun_kernel,
          c_data AS committed_data_fingerprint, r_data AS rerun_data_fingerprint,
          c_environment AS committed_environment, r_environment AS rerun_environment,
          c_host AS committed_host, r_host AS rerun_host, r_wall_seconds AS rerun_wall_seconds
        FROM judged ORDER BY trial_id""",
        String.join("\nUNION ALL\n", differences), INFINITY, DIFFERENCE_TEXT,
        view("committed", ResultTable.TRIALS), view("rerun", ResultTable.TRIALS), reproductionId, tolerances));
  }

  /**
   * One difference as text, e.g. {@code curves.test_nll update 2000: 0.43 -> 0.44 (difference 0.0230, tolerance
   * 0.0100)}.
   */
  private static final String DIFFERENCE_TEXT = """
      concat(tbl, '.', col, IF(upd IS NULL, '', concat(' update ', upd)),
        IF(layer IS NULL, '', concat(' layer ', layer)), IF(quantity IS NULL, '', concat(' ', quantity)), ': ',
        coalesce(a_text, 'missing'), ' -> ', coalesce(b_text, 'missing'),
        ' (difference ', format_string('%.3g', difference), ', tolerance ', format_string('%.3g', tolerance), ')')""";

  /** The differences of every compared value of {@code table}: one row each. */
  private static String differences(ResultTable table, Tolerances tolerances) {
    List<String> keys = KEYS.get(table);
    String join = keys.stream().map(k -> "c.`" + k + "` = r.`" + k + "`").collect(Collectors.joining(" AND "));
    String values = COMPARED.get(table).stream().map(c -> compared(c, tolerances))
        .collect(Collectors.joining(",\n  "));
    return String.format("""
        SELECT coalesce(c.trial_id, r.trial_id) AS trial_id, '%s' AS tbl, %s AS upd, %s AS layer, %s AS quantity,
          v.col, v.a, v.b, v.a_text, v.b_text, v.difference, v.tolerance
        FROM %s c FULL OUTER JOIN %s r ON %s
        LATERAL VIEW inline(array(
          %s)) v AS col, a, b, a_text, b_text, difference, tolerance""",
        table.directory(),
        keys.contains("update") ? "coalesce(c.`update`, r.`update`)" : "CAST(NULL AS BIGINT)",
        keys.contains("layer") ? "coalesce(c.layer, r.layer)" : "CAST(NULL AS INT)",
        keys.contains("quantity") ? "coalesce(c.quantity, r.quantity)" : "CAST(NULL AS STRING)",
        view("committed", table), view("rerun", table), join, values);
  }

  /** The struct of one compared value: column, a, b, their texts, difference and tolerance. */
  private static String compared(Compared compared, Tolerances tolerances) {
    String a = "c.`" + compared.column() + "`";
    String b = "r.`" + compared.column() + "`";
    String x = "CAST(" + a + " AS DOUBLE)";
    String y = "CAST(" + b + " AS DOUBLE)";
    String noNumber = "CAST(NULL AS DOUBLE)";
    return switch (compared.kind()) {
      case STATUS -> struct(compared, noNumber, noNumber, a, b,
          "IF(" + a + " <=> " + b + ", 0D, " + INFINITY + ")", 0);
      case HISTOGRAM -> struct(compared, noNumber, noNumber,
          "concat(size(" + a + "), ' bins')", "concat(size(" + b + "), ' bins')",
          "CASE WHEN " + a + " IS NULL AND " + b + " IS NULL THEN 0D"
              + " WHEN " + a + " IS NULL OR " + b + " IS NULL OR size(" + a + ") != size(" + b + ") THEN "
              + INFINITY
              + " ELSE aggregate(zip_with(" + a + ", " + b + ", (x, y) -> abs(x - y)), 0L, (s, v) -> s + v)"
              + " / (2D * greatest(aggregate(" + a + ", 0L, (s, v) -> s + v), aggregate(" + b
              + ", 0L, (s, v) -> s + v), 1L)) END",
          tolerances.histogram());
      case ERROR -> struct(compared, x, y, text(a), text(b), numeric(x, y, "abs(" + x + " - " + y + ")"),
          tolerances.error());
      case NLL -> struct(compared, x, y, text(a), text(b), numeric(x, y, relative(x, y, tolerances)),
          tolerances.nll());
      case STATS -> struct(compared, x, y, text(a), text(b), numeric(x, y, relative(x, y, tolerances)),
          tolerances.stats());
      case EXACT -> struct(compared, x, y, text(a), text(b), numeric(x, y, INFINITY), 0);
    };
  }

  private static String struct(Compared compared, String a, String b, String aText, String bText,
      String difference, double tolerance) {
    return "named_struct('col', '" + compared.column() + "', 'a', " + a + ", 'b', " + b + ", 'a_text', " + aText
        + ", 'b_text', " + bText + ", 'difference', " + difference + ", 'tolerance', double('" + tolerance + "'))";
  }

  private static String text(String column) {
    return "CAST(" + column + " AS STRING)";
  }

  /** |a - b| / max(|a|, |b|, floor). */
  private static String relative(String a, String b, Tolerances tolerances) {
    return "abs(" + a + " - " + b + ") / greatest(abs(" + a + "), abs(" + b + "), double('" + tolerances.floor()
        + "'))";
  }

  /**
   * The difference of two doubles: {@code formula} unless they are equal, both NULL or both NaN (0), or only one
   * is NULL, NaN or infinite (infinite).
   */
  private static String numeric(String a, String b, String formula) {
    return "CASE WHEN " + a + " IS NULL AND " + b + " IS NULL THEN 0D"
        + " WHEN " + a + " IS NULL OR " + b + " IS NULL THEN " + INFINITY
        + " WHEN isnan(" + a + ") AND isnan(" + b + ") THEN 0D"
        + " WHEN isnan(" + a + ") OR isnan(" + b + ") THEN " + INFINITY
        + " WHEN " + a + " = " + b + " THEN 0D"
        + " WHEN abs(" + a + ") = " + INFINITY + " OR abs(" + b + ") = " + INFINITY + " THEN " + INFINITY
        + " ELSE " + formula + " END";
  }

  private static String view(String side, ResultTable table) {
    return "reproduce_" + side + "_" + table.directory();
  }
}
