package org.glorotsweep.sweep.report;

import java.util.Locale;
import java.util.stream.Collectors;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Text of one value of a collected Spark row, for the HTML tables (rounded) and the CSV files (exact). */
final class Cells {
  private Cells() {}

  /**
   * NULL as the empty string, an array as its elements joined by {@code ;}; a finite double to 4 significant
   * digits when {@code rounded}, else in full ({@link Double#toString}).
   */
  static String text(Object value, boolean rounded) {
    if (value == null) {
      return "";
    }
    if (value instanceof Seq<?> seq) {
      return CollectionConverters.asJava(seq).stream().map(v -> text(v, rounded)).collect(Collectors.joining(";"));
    }
    if (value instanceof Double d && rounded && Double.isFinite(d)) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    return value.toString();
  }
}
