package org.glorotsweep.sweep.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The search's records as text: one {@code key=value} per line, the first {@code =} splitting. */
final class RecordText {
  private RecordText() {}

  /** The lines' fields, in order; a key written twice keeps its last value. */
  static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return fields;
  }

  /** The field {@code key}; throws when it is absent. */
  static String get(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null) {
      throw new IllegalArgumentException("the record has no field '" + key + "'");
    }
    return value;
  }

  /** A nullable value as text. */
  static String nullable(Object value) {
    return value == null ? "null" : value.toString();
  }
}
