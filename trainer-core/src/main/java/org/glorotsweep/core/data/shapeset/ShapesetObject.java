package org.glorotsweep.core.data.shapeset;

import java.util.Arrays;

/**
 * One drawn Shapeset object, as {@link ShapesetGenerator#describe} reports it. Coordinates are in pixels, x to
 * the right and y downwards from the image's top-left corner, so pixel (x, y) spans [x, x+1) x [y, y+1).
 *
 * @param type the object type
 * @param grey its grey level, 0..255
 * @param scaleMajor s0, the larger scale in pixels
 * @param scaleMinor s1, the smaller scale in pixels
 * @param stretchStep k1 of the stretch angle r1 = k1 * 2 pi / 255
 * @param rotationStep k3 of the rotation r3 = k3 * 2 pi / 255
 * @param centreX x of the base circle's centre
 * @param centreY y of the base circle's centre
 * @param xs x of each polygon vertex (a copy)
 * @param ys y of each polygon vertex (a copy)
 * @param coveredPixels pixels the object's own fill paints ({@code PolygonFill}), before any later object is
 *     drawn over it
 */
public record ShapesetObject(
    ShapeType type,
    int grey,
    double scaleMajor,
    double scaleMinor,
    int stretchStep,
    int rotationStep,
    double centreX,
    double centreY,
    double[] xs,
    double[] ys,
    int coveredPixels) {

  /** The smallest vertex x. */
  public double minX() {
    return Arrays.stream(xs).min().orElseThrow();
  }

  /** The largest vertex x. */
  public double maxX() {
    return Arrays.stream(xs).max().orElseThrow();
  }

  /** The smallest vertex y. */
  public double minY() {
    return Arrays.stream(ys).min().orElseThrow();
  }

  /** The largest vertex y. */
  public double maxY() {
    return Arrays.stream(ys).max().orElseThrow();
  }
}
