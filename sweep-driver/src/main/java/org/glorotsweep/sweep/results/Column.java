package org.glorotsweep.sweep.results;

/**
 * One column of a result table: its name, type, whether it may be null, and what it means (the README's
 * column reference is checked against these descriptions).
 *
 * @param name the column name, snake_case
 * @param type the value type
 * @param nullable whether a row may leave it empty
 * @param description one sentence for users
 */
public record Column(String name, ColumnType type, boolean nullable, String description) {

  static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }

  static Column optional(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }
}
