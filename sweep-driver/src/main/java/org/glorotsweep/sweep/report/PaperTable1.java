package org.glorotsweep.sweep.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The paper's Table 1 beside ours, as the SQL views {@code paper_table1} (the paper's values, shipped as the
 * resource {@code paper-table1.csv} with its citation: Glorot &amp; Bengio 2010, AISTATS, PMLR 9:249-256,
 * Table 1) and {@code table1} (one row per paper cell, with our result next to it).
 *
 * <p>Our cell for (data set, activation, init) is the {@code selected} model of that data set, activation
 * and init whose depth is nearest the paper's 5 hidden layers (then the widest, then the most updates);
 * missing when the sweep has no such model or none with an eligible learning rate. Errors are in percent;
 * {@code difference} = ours - paper.
 *
 * <p>Significance, as the paper marks it, is against the best (lowest) of our results in the same column
 * (data set): with each cell's variance of its mean test error v = s&sup2;/k + p(1 - p)/n_test (the
 * variance behind {@link ModelSelection}'s interval),
 * <pre>
 *   z = (p - p_best) / sqrt(v + v_best),   significantly worse when z &gt; 1.96 (95%, one cell pair)
 * </pre>
 * NULL when the test-set size is not known or both variances are 0.
 */
public final class PaperTable1 {
  /** The paper's depth (hidden layers) in Table 1. */
  static final int PAPER_DEPTH = 5;
  /** The paper's hidden width. */
  static final int PAPER_WIDTH = 1000;
  /** The paper's updates: "a large number of updates (5 million)" (section 2.3). */
  static final long PAPER_UPDATES = 5_000_000L;
  /** The paper's mini-batch size. */
  static final int PAPER_BATCH_SIZE = 10;

  private static final String RESOURCE = "paper-table1.csv";
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("model", DataTypes.StringType, false),
      DataTypes.createStructField("activation", DataTypes.StringType, false),
      DataTypes.createStructField("init", DataTypes.StringType, false),
      DataTypes.createStructField("dataset", DataTypes.StringType, false),
      DataTypes.createStructField("paper_error_percent", DataTypes.DoubleType, false)));

  private static final String TABLE1 = """
      WITH ours AS (
        SELECT *, row_number() OVER (PARTITION BY sweep, dataset, activation, init
                                     ORDER BY abs(depth - %1$d), width DESC NULLS LAST, updates DESC) AS pick
        FROM selected WHERE learning_rate IS NOT NULL),
      cells AS (
        SELECT *, test_error_mean * (1 - test_error_mean) / n_test
                  + coalesce(test_error_std * test_error_std, 0.0) / repeats AS variance
        FROM ours WHERE pick = 1 AND sweep = '%2$s'),
      best AS (
        SELECT dataset, min_by(test_error_mean, test_error_mean) AS best_mean,
               min_by(variance, test_error_mean) AS best_variance
        FROM cells GROUP BY dataset)
      SELECT p.model, p.dataset, p.paper_error_percent,
             100 * c.test_error_mean AS our_error_percent,
             100 * c.test_error_mean - p.paper_error_percent AS difference,
             100 * c.test_error_low95 AS our_low95_percent, 100 * c.test_error_high95 AS our_high95_percent,
             100 * c.test_error_std AS our_std_percent, c.n_test, c.repeats, c.seeds, c.learning_rate, c.lr_grid,
             c.lr_at_grid_edge, c.depth, c.width, c.updates, c.batch_size,
             try_divide(c.test_error_mean - b.best_mean, sqrt(c.variance + b.best_variance)) > 1.96
                 AS worse_than_best_of_column
      FROM paper_table1 p
      LEFT JOIN cells c ON c.dataset = p.dataset AND c.activation = p.activation AND c.init = p.init
      LEFT JOIN best b ON b.dataset = p.dataset
      """;

  private PaperTable1() {}

  /** Registers {@code paper_table1} and, for sweep {@code sweep}, {@code table1} over {@code selected}. */
  public static void register(SparkSession spark, String sweep) {
    spark.createDataFrame(paperRows(), SCHEMA).createOrReplaceTempView("paper_table1");
    spark.sql(TABLE1.formatted(PAPER_DEPTH, sweep.replace("'", "''"))).createOrReplaceTempView("table1");
  }

  /**
   * Whether a report cell is our error of a Table 1 row that is not significantly worse than the best of its
   * column: the cells the paper sets in bold.
   *
   * @param column the cell's column. Not modified.
   * @param columns the table's columns, in row order. Not modified.
   * @param row the cell's row. Not modified.
   */
  static boolean isBestOfColumn(String column, List<String> columns, Row row) {
    int worse = columns.indexOf("worse_than_best_of_column");
    return column.equals("our_error_percent") && worse >= 0 && Boolean.FALSE.equals(row.get(worse));
  }

  /** The resource's rows, after its comment lines and header. */
  static List<Row> paperRows() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = PaperTable1.class.getResourceAsStream(RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().filter(line -> !line.startsWith("#")).skip(1).forEach(line -> {
        String[] f = line.split(",");
        rows.add(RowFactory.create(f[0], f[1], f[2], f[3], Double.parseDouble(f[4])));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
    }
    return rows;
  }
}
