package org.glorotsweep.sweep.report;

import java.util.List;
import org.apache.spark.sql.Row;

/** RFC 4180 text of a small collected result: a header of column names, then one line per row. */
final class Csv {
  private Csv() {}

  /** The rows as CSV; NULL is an empty field, an array is its elements joined by {@code ;}, numbers in full. */
  static String of(List<String> columns, List<Row> rows) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", columns.stream().map(Csv::field).toList())).append("\r\n");
    for (Row row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv.append(field(Cells.text(row.get(i), false)));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static String field(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
