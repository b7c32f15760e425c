package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints the first rows of a query result as an aligned table, CSV, or JSON lines. */
final class RowPrinter {
  private RowPrinter() {}

  static void print(Dataset<Row> result, String format, int limit, PrintStream out) throws UsageException {
    switch (format) {
      case "table" -> table(result, limit, out);
      case "csv" -> csv(result, limit, out);
      case "json" -> result.limit(limit).toJSON().toLocalIterator().forEachRemaining(out::println);
      default -> throw new UsageException("--format " + format + " is not allowed; expected table, csv or json");
    }
  }

  private static void table(Dataset<Row> result, int limit, PrintStream out) {
    String[] names = result.columns();
    List<String[]> cells = new ArrayList<>();
    int[] widths = new int[names.length];
    for (int c = 0; c < names.length; c++) {
      widths[c] = names[c].length();
    }
    Iterator<Row> rows = result.limit(limit).toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      String[] line = new String[names.length];
      for (int c = 0; c < names.length; c++) {
        line[c] = text(row.get(c));
        widths[c] = Math.max(widths[c], line[c].length());
      }
      cells.add(line);
    }
    printLine(names, widths, out);
    String[] rule = new String[names.length];
    for (int c = 0; c < names.length; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    printLine(rule, widths, out);
    cells.forEach(line -> printLine(line, widths, out));
    out.println("(" + cells.size() + (cells.size() == limit ? "+" : "") + " rows)");
  }

  private static void printLine(String[] line, int[] widths, PrintStream out) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < line.length; c++) {
      text.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", line[c]));
    }
    out.println(text.toString().stripTrailing());
  }

  private static void csv(Dataset<Row> result, int limit, PrintStream out) {
    out.println(String.join(",", result.columns()));
    result.limit(limit).toLocalIterator().forEachRemaining(row -> {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        String value = text(row.get(c));
        fields.add(value.matches(".*[,\"\\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value);
      }
      out.println(String.join(",", fields));
    });
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return scala.jdk.javaapi.CollectionConverters.asJava(seq).toString();
    }
    return value.toString();
  }
}
