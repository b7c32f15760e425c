package org.glorotsweep.core.data.shapeset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The authors' polygon fill on polygons worked by hand (see {@link PolygonFill} for the rule). */
class PolygonFillTest {
  private final PolygonFill fill = new PolygonFill(20);

  private int[] fill(double[] xs, double[] ys) {
    int[] rows = new int[ShapesetGenerator.SIDE];
    fill.fill(xs, ys, xs.length, rows);
    return rows;
  }

  /** Rows holding the inclusive spans {y, from, to}. */
  private static int[] rows(int[]... spans) {
    int[] rows = new int[ShapesetGenerator.SIDE];
    for (int[] span : spans) {
      for (int x = span[1]; x <= span[2]; x++) {
        rows[span[0]] |= 1 << x;
      }
    }
    return rows;
  }

  /**
   * Vertices truncate to (1, 1), (5, 1), (1, 6). The edge from (5, 1) to (1, 6) crosses row y at
   * 5 + trunc(-4 (y - 1) / 5): 5, 5 (not 4: C truncates toward zero), 4, 3, 2 and, on the last row, 1; the left
   * edge stays at x = 1. Spans include both ends, so the last row keeps its single pixel.
   */
  @Test
  void triangleRowsSpanTheTruncatedCrossingsInclusively() {
    int[] expected = rows(new int[] {1, 1, 5}, new int[] {2, 1, 5}, new int[] {3, 1, 4}, new int[] {4, 1, 3},
        new int[] {5, 1, 2}, new int[] {6, 1, 1});
    assertArrayEquals(expected, fill(new double[] {1.7, 5.9, 1.2}, new double[] {1.2, 1.5, 6.8}));
  }

  /**
   * Vertices (2, 1), (8, 3), (6, 3), (4, 6): the horizontal edge from (8, 3) to (6, 3) lies strictly inside the
   * rows, so row 3 is the crossing span [2, 6] together with the edge [6, 8].
   */
  @Test
  void aHorizontalEdgeInsideTheRowsIsPaintedToo() {
    int[] expected = rows(new int[] {1, 2, 2}, new int[] {2, 2, 5}, new int[] {3, 2, 8}, new int[] {4, 3, 6},
        new int[] {5, 3, 5}, new int[] {6, 4, 4});
    assertArrayEquals(expected, fill(new double[] {2, 8, 6.9, 4.5}, new double[] {1, 3, 3.9, 6}));
  }

  @Test
  void aPolygonWithinOneRowIsThatRowBetweenItsExtremes() {
    assertArrayEquals(rows(new int[] {3, 2, 7}), fill(new double[] {2.5, 7.2, 4.0}, new double[] {3.9, 3.1, 3.5}));
  }

  /** Vertices (-3, 30), (40, 30), (10, 35): rows 30 and 31 span past both borders, rows 32 to 35 are outside. */
  @Test
  void pixelsOutsideTheImageAreDropped() {
    int[] expected = rows(new int[] {30, 0, 31}, new int[] {31, 0, 31});
    assertArrayEquals(expected, fill(new double[] {-3.5, 40, 10}, new double[] {30.2, 30.7, 35}));
  }

  @Test
  void rejectsTooFewOrTooManyVertices() {
    int[] rows = new int[ShapesetGenerator.SIDE];
    assertThrows(IllegalArgumentException.class, () -> fill.fill(new double[2], new double[2], 2, rows));
    assertThrows(IllegalArgumentException.class, () -> fill.fill(new double[21], new double[21], 21, rows));
  }
}
