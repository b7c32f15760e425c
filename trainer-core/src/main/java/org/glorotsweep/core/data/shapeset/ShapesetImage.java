package org.glorotsweep.core.data.shapeset;

import java.util.List;

/**
 * One Shapeset example with everything that made it, as {@link ShapesetGenerator#describe} reports it.
 *
 * @param label the class, 0..8 ({@link ShapesetClass} ordinal)
 * @param lightObjects true for light objects on a dark background (the swapped grey ranges)
 * @param backgroundGrey the background's grey level, 0..255
 * @param requestedObjects 1 or 2, as drawn in step 2; 2 with one object means the second was rejected
 *     {@value ShapesetGenerator#MAX_REJECTIONS} times for covering too much of the first
 * @param objects the objects drawn, in drawing order
 * @param greys the 32 x 32 grey levels, row-major (a copy)
 */
public record ShapesetImage(
    int label,
    boolean lightObjects,
    int backgroundGrey,
    int requestedObjects,
    List<ShapesetObject> objects,
    int[] greys) {

  /** The grey level of pixel (x, y). */
  public int grey(int x, int y) {
    return greys[y * ShapesetGenerator.SIDE + x];
  }

  /** The class as an enum constant. */
  public ShapesetClass shapesetClass() {
    return ShapesetClass.values()[label];
  }
}
