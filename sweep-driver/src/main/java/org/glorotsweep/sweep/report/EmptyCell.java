package org.glorotsweep.sweep.report;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What an empty (NULL) cell of a report table means, and how the page shows it: data the sweep does not have
 * yet, or a value that does not apply to its row (a failed trial's divergence update, the spread of a single
 * repeat).
 */
enum EmptyCell {
  /** The sweep has no result for it (yet): a cell of a model not run, a model without an eligible rate. */
  MISSING("missing", "missing"),
  /** The value does not exist for this row, e.g. the error class of a diverged trial. */
  NOT_APPLICABLE("n/a", "na"),
  /** A standard deviation over repeats of a single repeat, which has none (it is not missing data). */
  ONE_REPEAT("n/a (1 repeat)", "na");

  private final String text;
  private final String cssClass;

  EmptyCell(String text, String cssClass) {
    this.text = text;
    this.cssClass = cssClass;
  }

  /** The text shown in the cell. */
  String text() {
    return text;
  }

  /** The cell's CSS class. */
  String cssClass() {
    return cssClass;
  }

  /**
   * The meaning of an empty cell of {@code column} in {@code row} of a table whose empty cells otherwise mean
   * this: {@link #ONE_REPEAT} for a standard-deviation column (its name holds {@code std}) in a row whose
   * {@code repeats} is 1.
   *
   * @param column the cell's column. Not modified.
   * @param columns the table's columns, in row order. Not modified.
   * @param row the cell's row. Not modified.
   */
  EmptyCell of(String column, List<String> columns, Row row) {
    int repeats = columns.indexOf("repeats");
    if (column.contains("std") && repeats >= 0 && row.get(repeats) instanceof Number n && n.longValue() == 1) {
      return ONE_REPEAT;
    }
    return this;
  }
}
