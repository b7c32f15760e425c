package org.glorotsweep.core.data.shapeset;

/**
 * The nine classes of Shapeset-3x2: which objects an image holds, regardless of order (paper-spec section 2,
 * step 8). The ordinal is the label. With 1 or 2 objects equally likely and each type uniform and independent,
 * the prior is 1/2 * 1/3 = 1/6 for each single object, 1/2 * 2/9 = 1/9 for each mixed pair and
 * 1/2 * 1/9 = 1/18 for each same-type pair; always guessing a commonest class errs 5/6 = 83.3% of the time.
 */
public enum ShapesetClass {
  /** Label 0. */
  ONE_TRIANGLE(ShapeType.TRIANGLE, null),
  /** Label 1. */
  ONE_PARALLELOGRAM(ShapeType.PARALLELOGRAM, null),
  /** Label 2. */
  ONE_ELLIPSE(ShapeType.ELLIPSE, null),
  /** Label 3. */
  TRIANGLE_AND_PARALLELOGRAM(ShapeType.TRIANGLE, ShapeType.PARALLELOGRAM),
  /** Label 4. */
  PARALLELOGRAM_AND_ELLIPSE(ShapeType.PARALLELOGRAM, ShapeType.ELLIPSE),
  /** Label 5. */
  TRIANGLE_AND_ELLIPSE(ShapeType.TRIANGLE, ShapeType.ELLIPSE),
  /** Label 6. */
  TWO_TRIANGLES(ShapeType.TRIANGLE, ShapeType.TRIANGLE),
  /** Label 7. */
  TWO_PARALLELOGRAMS(ShapeType.PARALLELOGRAM, ShapeType.PARALLELOGRAM),
  /** Label 8. */
  TWO_ELLIPSES(ShapeType.ELLIPSE, ShapeType.ELLIPSE);

  /** LABELS[a][b] = the label of types a and b (by ordinal); LABELS[a][3] = the label of a alone. */
  private static final int[][] LABELS = new int[3][4];

  static {
    for (ShapesetClass label : values()) {
      int first = label.first.ordinal();
      int second = label.second == null ? 3 : label.second.ordinal();
      LABELS[first][second] = label.ordinal();
      if (label.second != null) {
        LABELS[second][first] = label.ordinal();
      }
    }
  }

  private final ShapeType first;
  private final ShapeType second;

  ShapesetClass(ShapeType first, ShapeType second) {
    this.first = first;
    this.second = second;
  }

  /** The label of an image holding one object of type {@code only}. */
  public static int labelOf(ShapeType only) {
    return LABELS[only.ordinal()][3];
  }

  /** The label of an image holding objects of types {@code a} and {@code b}, in either order. */
  public static int labelOf(ShapeType a, ShapeType b) {
    return LABELS[a.ordinal()][b.ordinal()];
  }

  /** The number of objects, 1 or 2. */
  public int objects() {
    return second == null ? 1 : 2;
  }

  /** The class's prior probability under the generator: 1/6, 1/9 or 1/18. */
  public double prior() {
    if (second == null) {
      return 1.0 / 6;
    }
    return first == second ? 1.0 / 18 : 1.0 / 9;
  }

  /** A short caption, e.g. {@code "tri+ell"} or {@code "par"}. */
  public String caption() {
    return second == null ? first.abbreviation() : first.abbreviation() + "+" + second.abbreviation();
  }
}
