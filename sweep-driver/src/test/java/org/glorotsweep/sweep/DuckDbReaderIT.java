package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.result.Quantity;
import org.glorotsweep.core.result.Statistic;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.results.Column;
import org.glorotsweep.sweep.results.ColumnType;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke sweep's tables read by an independent engine, DuckDB, straight from the Parquet files with
 * {@code read_parquet('OUTPUT/<table>/**}{@code /*.parquet', hive_partitioning = true)}: the same rows as the
 * project's Spark views with bit-equal values, {@code sweep} typed as text, NULL (never NaN) where nothing was
 * recorded, and the README's DuckDB query run verbatim on the output at {@code target/sweeps}.
 */
class DuckDbReaderIT {
  /** The key columns that order each table's rows identically in both engines. */
  private static final Map<ResultTable, String> ORDER = Map.of(
      ResultTable.TRIALS, "trial_id",
      ResultTable.CURVES, "trial_id, update",
      ResultTable.LAYER_STATS, "trial_id, update, layer, quantity",
      ResultTable.HISTOGRAMS, "trial_id, update, layer, quantity");

  @TempDir static Path directory;
  private static Path output;
  private static SparkSession spark;
  private static Connection duckdb;

  @BeforeAll
  static void runTheSmokeSweep() throws Exception {
    // as the README runs it: from a directory whose target/sweeps is the smoke output
    output = directory.resolve("target/sweeps");
    SweepConfig smoke =
        SweepConfigLoader.load(Path.of("../conf/smoke.yaml"), HadoopDataShapes.of(new Configuration()))
            .withOutput(output.toString());
    spark = SparkSession.builder().master("local[2]").appName("DuckDbReaderIT")
        .config("spark.ui.enabled", "false").getOrCreate();
    SweepDriver.Summary summary =
        new SweepDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200).run(smoke, SweepDriver.Rerun.NONE);
    assertEquals(new SweepDriver.Summary(5, 0, 0), summary);
    ResultViews.register(spark, output.toString());
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("SET file_search_path = '" + directory + "'");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    if (duckdb != null) {
      duckdb.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void everyTableHasSparksRowsWithBitEqualValues() throws SQLException {
    for (ResultTable table : ResultTable.values()) {
      List<String> columns = table.columns().stream()
          .filter(c -> !c.type().isArray())
          .map(Column::name)
          .collect(Collectors.toCollection(ArrayList::new));
      columns.add(ResultTable.PARTITION_COLUMN);
      String select = "SELECT " + String.join(", ", columns) + " FROM %s ORDER BY " + ORDER.get(table);
      List<List<Object>> bySpark = spark.sql(String.format(select, table.directory())).collectAsList().stream()
          .map(DuckDbReaderIT::values)
          .toList();
      List<List<Object>> byDuckDb = query(String.format(select, parquet(table)));
      assertFalse(bySpark.isEmpty(), table.directory() + " is empty");
      assertEquals(bySpark.size(), byDuckDb.size(), table.directory() + " row count");
      for (int i = 0; i < bySpark.size(); i++) {
        // Double.equals compares the bits: NaN equals NaN, and 0.0 differs from -0.0
        assertEquals(bySpark.get(i), byDuckDb.get(i), table.directory() + " row " + i + " of " + columns);
      }
    }
  }

  @Test
  void sweepIsTextInEveryTable() throws SQLException {
    for (ResultTable table : ResultTable.values()) {
      assertEquals(
          List.of(List.of("VARCHAR", "smoke")),
          query("SELECT DISTINCT typeof(sweep), sweep FROM " + parquet(table)),
          table.directory());
    }
  }

  @Test
  void nothingIsNanAndNullMarksExactlyWhatWasNotRecorded() throws SQLException {
    // no smoke trial diverges, so no value that was computed is NaN
    for (ResultTable table : ResultTable.values()) {
      for (Column column : table.columns()) {
        if (column.type() == ColumnType.DOUBLE) {
          assertEquals(List.of(List.of(0L)),
              query("SELECT count(*) FROM " + parquet(table) + " WHERE isnan(" + column.name() + ")"),
              table.directory() + "." + column.name() + " holds NaN");
        }
      }
    }
    for (Quantity quantity : Quantity.values()) {
      for (Statistic statistic : Statistic.values()) {
        String column = statistic.name().toLowerCase(Locale.ROOT);
        List<List<Object>> counts = query("SELECT count(*), count(" + column + ") FROM "
            + parquet(ResultTable.LAYER_STATS) + " WHERE quantity = '" + quantity.configName() + "'");
        long rows = (Long) counts.get(0).get(0);
        assertTrue(rows > 0, quantity.configName());
        assertEquals(quantity.records(statistic) ? rows : 0L, counts.get(0).get(1),
            "non-null " + column + " of " + quantity.configName());
      }
    }
    assertEquals(List.of(List.of(5L, 5L)), query("SELECT count(*) FILTER (WHERE update = 0),"
        + " count(*) FILTER (WHERE train_cost IS NULL) FROM " + parquet(ResultTable.CURVES)));
    List<Object> aggregates = query("SELECT max(p50), avg(p50), max(std), avg(saturated_fraction), min(variance)"
        + " FROM " + parquet(ResultTable.LAYER_STATS)).get(0);
    for (Object aggregate : aggregates) {
      assertTrue(Double.isFinite((Double) aggregate), () -> "aggregates " + aggregates);
    }
  }

  @Test
  void theReadmeQueryRunsVerbatimOnTheSmokeOutput() throws Exception {
    String sql = readmeQuery(Files.readString(Path.of("../README.md")));
    List<List<Object>> rows = query(sql);
    // 4 trials of 3 hidden layers and 1 of 2, at the initialisation and at the end
    assertEquals(2 * (4 * 3 + 2), rows.size(), () -> sql + "\ngave " + rows);
    for (List<Object> row : rows) {
      for (Object value : row) {
        assertTrue(value != null && !(value instanceof Double d && !Double.isFinite(d)), () -> "row " + row);
      }
    }
  }

  /** The README's first {@code sql} code block that reads Parquet files. */
  private static String readmeQuery(String readme) {
    Matcher block = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      if (block.group(1).contains("read_parquet(")) {
        return block.group(1).strip();
      }
    }
    throw new AssertionError("README.md has no ```sql block with read_parquet(");
  }

  /** The table's files as DuckDB reads them, relative to the search path: what a user types. */
  private static String parquet(ResultTable table) {
    return "read_parquet('target/sweeps/" + table.directory() + "/**/*.parquet', hive_partitioning = true)";
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Object[] row = new Object[meta.getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          row[i] = result.getObject(i + 1);
        }
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static List<Object> values(Row row) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    return Arrays.asList(values);
  }
}
