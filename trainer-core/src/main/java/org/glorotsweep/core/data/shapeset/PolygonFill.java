package org.glorotsweep.core.data.shapeset;

import java.util.Arrays;

/**
 * The pixels a Shapeset object paints: the polygon fill of the authors' generator (pygame's
 * {@code draw.polygon} with width 0), paper-spec section 2, step 7, written for 32 x 32 row masks.
 *
 * <p>With the vertices truncated to integers, X_i = trunc(x_i), Y_i = trunc(y_i), and Y_min, Y_max their
 * extreme rows:
 *
 * <ol>
 *   <li>If Y_min = Y_max, row Y_min is painted from min X_i to max X_i.
 *   <li>Otherwise, for each row y in [Y_min, Y_max]: every non-horizontal edge, written with Y_a &lt; Y_b,
 *       crosses the row when Y_a &le; y &lt; Y_b, or when y = Y_b = Y_max (the last row keeps the edges ending
 *       on it), at X = X_a + (y - Y_a)(X_b - X_a) / (Y_b - Y_a), the division truncated toward zero as in C.
 *       The crossings, sorted, pair up (first with second, third with fourth, ...), and each pair's span is
 *       painted inclusive of both ends, so a one-pixel span is painted too.
 *   <li>A horizontal edge strictly between Y_min and Y_max is painted from one end to the other.
 * </ol>
 *
 * Pixels outside the image are dropped, as pygame clips to the surface. Row y of the result has bit x set when
 * pixel (x, y) is painted. Compared with a pixel-centre rule the fill is about half a pixel wider on each side
 * and shifted towards smaller coordinates; paper-spec section 2 measures the authors' mean areas with it
 * (triangle about 98 px, parallelogram 145, ellipse 218).
 *
 * <p>An instance keeps scratch space for up to {@code maxVertices} crossings, so it is not thread-safe.
 */
final class PolygonFill {
  private static final int SIDE = ShapesetGenerator.SIDE;
  private final int[] crossings;

  /** A fill for polygons of at most {@code maxVertices} vertices. */
  PolygonFill(int maxVertices) {
    this.crossings = new int[maxVertices];
  }

  /**
   * Writes the row masks of the polygon with vertices (xs[j], ys[j]), j &lt; n, in order around it.
   *
   * @param xs vertex x, pixels. Not modified.
   * @param ys vertex y, pixels (downwards). Not modified.
   * @param n the number of vertices, 3 to the capacity
   * @param rows receives 32 row masks. Modified.
   */
  void fill(double[] xs, double[] ys, int n, int[] rows) {
    if (n < 3 || n > crossings.length || rows.length != SIDE) {
      throw new IllegalArgumentException(
          "a fill needs 3 to " + crossings.length + " vertices and " + SIDE + " rows, got " + n + " and "
              + rows.length);
    }
    Arrays.fill(rows, 0);
    int minY = (int) ys[0];
    int maxY = minY;
    for (int j = 1; j < n; j++) {
      minY = Math.min(minY, (int) ys[j]);
      maxY = Math.max(maxY, (int) ys[j]);
    }
    if (minY == maxY) {
      int minX = (int) xs[0];
      int maxX = minX;
      for (int j = 1; j < n; j++) {
        minX = Math.min(minX, (int) xs[j]);
        maxX = Math.max(maxX, (int) xs[j]);
      }
      paint(rows, minY, minX, maxX);
      return;
    }
    for (int y = minY; y <= maxY; y++) {
      int count = 0;
      for (int previous = n - 1, j = 0; j < n; previous = j++) {
        int yp = (int) ys[previous];
        int yj = (int) ys[j];
        if (yp == yj) {
          continue;
        }
        // (xa, ya) the upper end, (xb, yb) the lower end
        boolean down = yp < yj;
        int xa = (int) (down ? xs[previous] : xs[j]);
        int ya = down ? yp : yj;
        int xb = (int) (down ? xs[j] : xs[previous]);
        int yb = down ? yj : yp;
        if ((y >= ya && y < yb) || (y == maxY && yb == maxY)) {
          crossings[count++] = (y - ya) * (xb - xa) / (yb - ya) + xa;
        }
      }
      Arrays.sort(crossings, 0, count);
      for (int i = 0; i + 1 < count; i += 2) {
        paint(rows, y, crossings[i], crossings[i + 1]);
      }
    }
    for (int previous = n - 1, j = 0; j < n; previous = j++) {
      int y = (int) ys[j];
      if (minY < y && y < maxY && (int) ys[previous] == y) {
        int a = (int) xs[previous];
        int b = (int) xs[j];
        paint(rows, y, Math.min(a, b), Math.max(a, b));
      }
    }
  }

  /** Sets bits from..to (inclusive) of row y, clipped to the image. */
  private static void paint(int[] rows, int y, int from, int to) {
    int first = Math.max(from, 0);
    int last = Math.min(to, SIDE - 1);
    if (y < 0 || y >= SIDE || first > last) {
      return;
    }
    rows[y] |= (-1 >>> (SIDE - 1 - (last - first))) << first;
  }
}
