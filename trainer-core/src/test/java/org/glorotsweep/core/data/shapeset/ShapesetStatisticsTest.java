package org.glorotsweep.core.data.shapeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.glorotsweep.core.data.PixelRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distributions of 100,000 generated images against those paper-spec section 2 measured on the authors'
 * generator (steps 6 and 7): the first object is never completely hidden and rarely more than half hidden, the
 * second object tends to be the smaller, each type paints the authors' mean number of pixels, and the class
 * prior holds. "Hidden" is measured on each object's own fill, rasterised separately. Mean areas are over first
 * objects, whose size no rule selects (the overlap rule favours small second objects: the median ratio).
 */
class ShapesetStatisticsTest {
  private static final long SEED = 1989;
  private static final long STREAM = 5;
  private static final int IMAGES = 100_000;
  /** Mean pixels a first object paints per type (paper-spec section 2, step 7): triangle, parallelogram, ellipse. */
  private static final double[] AUTHORS_MEAN_AREA = {98, 145, 218};

  private static Statistics statistics;

  @BeforeAll
  static void generate() {
    statistics = Statistics.of(new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE), STREAM, IMAGES);
  }

  @Test
  void theFirstObjectIsNeverCompletelyHidden() {
    assertEquals(0, statistics.fullyHidden, statistics::toString);
  }

  @Test
  void theFirstObjectIsMoreThanHalfHiddenInUnderOnePercent() {
    assertTrue(statistics.moreThanHalfHidden < 0.01 * statistics.twoObjects, statistics::toString);
  }

  @Test
  void theSecondObjectIsUsuallyTheSmaller() {
    assertTrue(statistics.medianAreaRatio < 0.85, statistics::toString);
  }

  @Test
  void eachTypePaintsTheAuthorsMeanArea() {
    for (ShapeType type : ShapeType.values()) {
      double expected = AUTHORS_MEAN_AREA[type.ordinal()];
      assertEquals(expected, statistics.meanArea[type.ordinal()], 0.03 * expected, type + ": " + statistics);
    }
  }

  @Test
  void classesFollowThePrior() {
    for (ShapesetClass label : ShapesetClass.values()) {
      double frequency = statistics.classCounts[label.ordinal()] / (double) IMAGES;
      assertEquals(label.prior(), frequency, 0.005, label + ": " + statistics);
    }
  }

  /** What the test measures over a sample. */
  private static final class Statistics {
    final int[] classCounts = new int[ShapesetGenerator.CLASSES];
    final double[] meanArea = new double[ShapeType.values().length];
    int twoObjects;
    int fullyHidden;
    int moreThanHalfHidden;
    double medianAreaRatio;

    static Statistics of(ShapesetGenerator generator, long stream, int images) {
      Statistics s = new Statistics();
      PolygonFill fill = new PolygonFill(ShapeType.ELLIPSE.vertices());
      int[] firstRows = new int[ShapesetGenerator.SIDE];
      int[] secondRows = new int[ShapesetGenerator.SIDE];
      long[] areaSums = new long[ShapeType.values().length];
      long[] objectCounts = new long[ShapeType.values().length];
      double[] ratios = new double[images];
      for (int k = 0; k < images; k++) {
        ShapesetImage image = generator.describe(stream, k);
        s.classCounts[image.label()]++;
        ShapesetObject drawnFirst = image.objects().get(0);
        areaSums[drawnFirst.type().ordinal()] += drawnFirst.coveredPixels();
        objectCounts[drawnFirst.type().ordinal()]++;
        if (image.objects().size() == 2) {
          ShapesetObject first = image.objects().get(0);
          ShapesetObject second = image.objects().get(1);
          fill.fill(first.xs(), first.ys(), first.xs().length, firstRows);
          fill.fill(second.xs(), second.ys(), second.xs().length, secondRows);
          int area = 0;
          int hidden = 0;
          for (int y = 0; y < ShapesetGenerator.SIDE; y++) {
            area += Integer.bitCount(firstRows[y]);
            hidden += Integer.bitCount(firstRows[y] & secondRows[y]);
          }
          assertEquals(first.coveredPixels(), area, "the separate fill of the first object of example " + k);
          s.fullyHidden += hidden == area ? 1 : 0;
          s.moreThanHalfHidden += 2 * hidden > area ? 1 : 0;
          ratios[s.twoObjects++] = second.coveredPixels() / (double) first.coveredPixels();
        }
      }
      for (int t = 0; t < areaSums.length; t++) {
        s.meanArea[t] = areaSums[t] / (double) objectCounts[t];
      }
      double[] sorted = Arrays.copyOf(ratios, s.twoObjects);
      Arrays.sort(sorted);
      s.medianAreaRatio = sorted[sorted.length / 2];
      return s;
    }

    @Override
    public String toString() {
      return String.format(
          "two-object images %d, first object fully hidden %d, more than half hidden %d (%.2f%%), median area"
              + " ratio second/first %.3f, mean areas tri/par/ell %.1f/%.1f/%.1f px, class counts %s",
          twoObjects, fullyHidden, moreThanHalfHidden, 100.0 * moreThanHalfHidden / twoObjects, medianAreaRatio,
          meanArea[0], meanArea[1], meanArea[2], Arrays.toString(classCounts));
    }
  }
}
