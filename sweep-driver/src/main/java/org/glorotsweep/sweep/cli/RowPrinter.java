package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Prints a query result as an aligned table, CSV, or JSON lines. CSV and JSON are exports: every row unless a
 * limit is given, streamed a partition at a time. A table holds its rows in memory to align them, so callers
 * give it a limit; it then says how many rows it left out.
 */
final class RowPrinter {

  /** The output formats. */
  enum Format {
    TABLE, CSV, JSON;

    /** The format named {@code name} ({@code table}, {@code csv} or {@code json}). */
    static Format parse(String name) throws UsageException {
      for (Format format : values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
          return format;
        }
      }
      throw new UsageException("--format " + name + " is not allowed; expected table, csv or json");
    }
  }

  private RowPrinter() {}

  /**
   * Prints {@code result}.
   *
   * @param limit the most rows to print; empty for all
   */
  static void print(Dataset<Row> result, Format format, OptionalInt limit, PrintStream out) {
    switch (format) {
      case TABLE -> table(result, limit, out);
      case CSV -> csv(limited(result, limit), out);
      case JSON -> limited(result, limit).toJSON().toLocalIterator().forEachRemaining(out::println);
    }
  }

  /** Prints every row of {@code result} as an aligned table: for results known to be short. */
  static void printTable(Dataset<Row> result, PrintStream out) {
    table(result, OptionalInt.empty(), out);
  }

  private static Dataset<Row> limited(Dataset<Row> result, OptionalInt limit) {
    return limit.isPresent() ? result.limit(limit.getAsInt()) : result;
  }

  private static void table(Dataset<Row> result, OptionalInt limit, PrintStream out) {
    // one row past the limit tells whether rows were left out; only then are they counted
    boolean bounded = limit.isPresent() && limit.getAsInt() < Integer.MAX_VALUE;
    List<Row> rows = bounded ? result.limit(limit.getAsInt() + 1).collectAsList() : result.collectAsList();
    long leftOut = 0;
    if (bounded && rows.size() > limit.getAsInt()) {
      rows = rows.subList(0, limit.getAsInt());
      leftOut = result.count() - rows.size();
    }
    String[] names = result.columns();
    int[] widths = new int[names.length];
    for (int c = 0; c < names.length; c++) {
      widths[c] = names[c].length();
    }
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows) {
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
    if (leftOut > 0) {
      out.println("... " + leftOut + " more rows; --limit to change");
    }
    out.println("(" + (cells.size() + leftOut) + " rows)");
  }

  private static void printLine(String[] line, int[] widths, PrintStream out) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < line.length; c++) {
      text.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", line[c]));
    }
    out.println(text.toString().stripTrailing());
  }

  private static void csv(Dataset<Row> result, PrintStream out) {
    out.println(String.join(",", result.columns()));
    result.toLocalIterator().forEachRemaining(row -> {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        String value = text(row.get(c));
        fields.add(value.matches("(?s).*[,\"\\n\\r].*") ? '"' + value.replace("\"", "\"\"") + '"' : value);
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
