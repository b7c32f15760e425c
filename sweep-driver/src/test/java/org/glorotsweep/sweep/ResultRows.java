package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.ResultViews;

/**
 * Every committed row of an output's tables as text that is equal only for bitwise-equal values, for tests that
 * compare two runs' results bit for bit: each double is written with its raw IEEE 754 bits (so 0.0 and -0.0, or
 * two NaNs of different payloads, differ), each array element by element.
 */
final class ResultRows {
  /** Columns that say where, when and on which attempt a trial ran: not part of its result. */
  static final Set<String> EXECUTION = Set.of("wall_seconds", "host", "attempt");

  /** {@link #EXECUTION} and {@code resumed_from_update}: what a resumed trial's row may differ in. */
  static final Set<String> EXECUTION_AND_RESUME = Set.of("wall_seconds", "host", "attempt", "resumed_from_update");

  private ResultRows() {}

  /** Each table's committed rows under {@code output} without the columns {@code ignored}, sorted. */
  static Map<ResultTable, List<String>> of(SparkSession spark, String output, Set<String> ignored)
      throws IOException {
    ResultViews.register(spark, output);
    Map<ResultTable, List<String>> tables = new EnumMap<>(ResultTable.class);
    for (ResultTable table : ResultTable.values()) {
      List<String> rows = new ArrayList<>();
      for (Row row : spark.sql("SELECT * FROM " + table.directory()).collectAsList()) {
        rows.add(canonical(row, ignored));
      }
      rows.sort(null);
      tables.put(table, rows);
    }
    return tables;
  }

  /**
   * Asserts that every table holds rows and the same rows in {@code expected} and {@code actual}; a failure names
   * the table, its row counts and the first rows only one side has, then {@code context}.
   */
  static void assertBitwiseEqual(
      Map<ResultTable, List<String>> expected, Map<ResultTable, List<String>> actual, String context) {
    for (ResultTable table : ResultTable.values()) {
      List<String> onlyExpected = new ArrayList<>(expected.get(table));
      onlyExpected.removeAll(actual.get(table));
      List<String> onlyActual = new ArrayList<>(actual.get(table));
      onlyActual.removeAll(expected.get(table));
      assertTrue(onlyExpected.isEmpty() && onlyActual.isEmpty()
              && expected.get(table).size() == actual.get(table).size(),
          () -> String.format("table %s: %d expected rows, %d actual rows; only expected (first 3): %s;"
                  + " only actual (first 3): %s%n%s", table.directory(), expected.get(table).size(),
              actual.get(table).size(), first(onlyExpected), first(onlyActual), context));
      assertFalse(expected.get(table).isEmpty(), () -> "table " + table.directory() + " is empty\n" + context);
    }
  }

  private static String canonical(Row row, Set<String> ignored) {
    StringBuilder text = new StringBuilder();
    StructField[] fields = row.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      if (ignored.contains(fields[i].name())) {
        continue;
      }
      Object value = fields[i].dataType() instanceof ArrayType && !row.isNullAt(i) ? row.getList(i) : row.get(i);
      text.append(fields[i].name()).append('=');
      if (value instanceof Double d) {
        text.append(d).append('#').append(Long.toHexString(Double.doubleToRawLongBits(d)));
      } else {
        text.append(value);
      }
      text.append(' ');
    }
    return text.toString();
  }

  private static List<String> first(List<String> rows) {
    return rows.subList(0, Math.min(3, rows.size()));
  }
}
