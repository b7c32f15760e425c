package org.glorotsweep.core.data.shapeset;

/**
 * The three object types of Shapeset-3x2 (Glorot and Bengio 2010, section 2.1), each the image under an affine
 * map of a regular polygon: triangle (3 vertices), parallelogram (4) and ellipse (approximated, as in the
 * authors' generator, by a 20-gon).
 *
 * <p>The base polygon of n vertices lies on the circle of radius 1/2 around the origin, with a horizontal bottom
 * edge: vertex j = (cos t_j, sin t_j) / 2 with t_j = pi/2 + pi/n + 2 pi j / n, in image coordinates (x to the
 * right, y downwards), so vertices n-1 and 0 share the largest y, 1/2 cos(pi/n).
 */
public enum ShapeType {
  /** An affine image of the equilateral triangle. */
  TRIANGLE("triangle", "tri", 3),
  /** An affine image of the square. */
  PARALLELOGRAM("parallelogram", "par", 4),
  /** An affine image of the circle, drawn as a 20-gon. */
  ELLIPSE("ellipse", "ell", 20);

  private final String displayName;
  private final String abbreviation;
  private final double[] baseX;
  private final double[] baseY;
  private final double areaShareOfCircle;

  ShapeType(String displayName, String abbreviation, int vertices) {
    this.displayName = displayName;
    this.abbreviation = abbreviation;
    this.baseX = new double[vertices];
    this.baseY = new double[vertices];
    for (int j = 0; j < vertices; j++) {
      double angle = Math.PI / 2 + Math.PI / vertices + 2 * Math.PI * j / vertices;
      baseX[j] = 0.5 * StrictMath.cos(angle);
      baseY[j] = 0.5 * StrictMath.sin(angle);
    }
    this.areaShareOfCircle = vertices * StrictMath.sin(2 * Math.PI / vertices) / (2 * Math.PI);
  }

  /** The number of polygon vertices n. */
  public int vertices() {
    return baseX.length;
  }

  /**
   * rho(n) = n sin(2 pi / n) / (2 pi): the area of the regular n-gon over that of its circumscribed circle
   * (n triangles of area r^2 sin(2 pi / n) / 2 against pi r^2), about 0.41 for the triangle, 0.64 for the square
   * and 0.98 for the 20-gon. The overlap estimate of paper-spec section 2, step 6, weighs object areas by it.
   */
  public double areaShareOfCircle() {
    return areaShareOfCircle;
  }

  /** x of base vertex j. */
  public double baseX(int j) {
    return baseX[j];
  }

  /** y of base vertex j (downwards). */
  public double baseY(int j) {
    return baseY[j];
  }

  /** Lower-case name, e.g. {@code "parallelogram"}. */
  public String displayName() {
    return displayName;
  }

  /** Three-letter abbreviation for captions, e.g. {@code "par"}. */
  public String abbreviation() {
    return abbreviation;
  }
}
