package org.glorotsweep.core.data.shapeset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.glorotsweep.core.data.PixelRange;
import org.glorotsweep.core.hash.Fingerprints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the generated images against paper-spec section 2, steps 1-8 (distributions: ShapesetStatisticsTest). */
class ShapesetGeneratorTest {
  private static final long SEED = 2010;
  private static final long STREAM = 77;
  private static final int SAMPLE = 30_000;
  private static final double EPS = 1e-9;
  private static final String VERSION_2_DIGEST =
      "6070dffd4a652eb3a14cb6c342fb7bc81d4803568a59ca6f7fa1d05c0fa12754";
  private static List<ShapesetImage> images;

  @BeforeAll
  static void drawSample() {
    ShapesetGenerator generator = new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE);
    ShapesetImage[] drawn = new ShapesetImage[SAMPLE];
    for (int k = 0; k < SAMPLE; k++) {
      drawn[k] = generator.describe(STREAM, k);
    }
    images = List.of(drawn);
  }

  private static boolean isDark(int grey) {
    return grey >= ShapesetGenerator.DARK_MIN && grey <= ShapesetGenerator.DARK_MAX;
  }

  private static boolean isLight(int grey) {
    return grey >= ShapesetGenerator.LIGHT_MIN && grey <= ShapesetGenerator.LIGHT_MAX;
  }

  @Test
  void classFrequenciesFollowTheNonUniformPrior() {
    int[] counts = new int[ShapesetGenerator.CLASSES];
    for (ShapesetImage image : images) {
      counts[image.label()]++;
    }
    for (ShapesetClass label : ShapesetClass.values()) {
      double frequency = counts[label.ordinal()] / (double) SAMPLE;
      assertEquals(label.prior(), frequency, 0.01, label + " frequency");
    }
  }

  @Test
  void labelSaysWhichObjectsAreDrawn() {
    for (ShapesetImage image : images) {
      List<ShapesetObject> objects = image.objects();
      int expected =
          objects.size() == 1
              ? ShapesetClass.labelOf(objects.get(0).type())
              : ShapesetClass.labelOf(objects.get(0).type(), objects.get(1).type());
      assertEquals(expected, image.label());
      assertEquals(objects.size(), image.shapesetClass().objects());
    }
  }

  @Test
  void secondObjectIsRarelyDroppedForOverlap() {
    long dropped = images.stream().filter(image -> image.requestedObjects() > image.objects().size()).count();
    assertTrue(dropped < SAMPLE / 200, dropped + " of " + SAMPLE + " images lost their second object");
  }

  @Test
  void lightObjectsOnDarkAboutHalfTheTime() {
    long light = images.stream().filter(ShapesetImage::lightObjects).count();
    assertEquals(0.5, light / (double) SAMPLE, 0.01);
  }

  @Test
  void greysComeFromTheRangeOfTheirRole() {
    for (ShapesetImage image : images) {
      if (image.lightObjects()) {
        assertTrue(isDark(image.backgroundGrey()), "background " + image.backgroundGrey());
        image.objects().forEach(object -> assertTrue(isLight(object.grey()), "object " + object.grey()));
      } else {
        assertTrue(isLight(image.backgroundGrey()), "background " + image.backgroundGrey());
        image.objects().forEach(object -> assertTrue(isDark(object.grey()), "object " + object.grey()));
      }
    }
  }

  @Test
  void everyPixelIsTheBackgroundOrAnObjectGreyMapped() {
    for (PixelRange range : PixelRange.values()) {
      ShapesetGenerator generator = new ShapesetGenerator(SEED, range);
      float[] pixels = new float[ShapesetGenerator.PIXELS];
      for (int k = 0; k < 2_000; k++) {
        ShapesetImage image = generator.describe(STREAM, k);
        assertEquals(image.label(), generator.generate(STREAM, k, pixels, 0));
        for (int p = 0; p < ShapesetGenerator.PIXELS; p++) {
          int grey = image.greys()[p];
          boolean allowed =
              grey == image.backgroundGrey() || image.objects().stream().anyMatch(o -> o.grey() == grey);
          assertTrue(allowed, "pixel " + p + " of example " + k + " has grey " + grey);
          assertEquals((float) (range == PixelRange.ZERO_TO_ONE ? grey / 255.0 : 2 * grey / 255.0 - 1), pixels[p]);
        }
      }
    }
  }

  @Test
  void objectsStayInsideTheOnePixelMargin() {
    for (ShapesetImage image : images) {
      for (ShapesetObject object : image.objects()) {
        assertTrue(object.minX() >= ShapesetGenerator.MARGIN - EPS, "min x " + object.minX());
        assertTrue(object.minY() >= ShapesetGenerator.MARGIN - EPS, "min y " + object.minY());
        assertTrue(object.maxX() <= ShapesetGenerator.SIDE - ShapesetGenerator.MARGIN + EPS, "max x " + object.maxX());
        assertTrue(object.maxY() <= ShapesetGenerator.SIDE - ShapesetGenerator.MARGIN + EPS, "max y " + object.maxY());
      }
      for (int i = 0; i < ShapesetGenerator.SIDE; i++) {
        int last = ShapesetGenerator.SIDE - 1;
        for (int grey : new int[] {image.grey(i, 0), image.grey(i, last), image.grey(0, i), image.grey(last, i)}) {
          assertEquals(image.backgroundGrey(), grey, "border pixel");
        }
      }
    }
  }

  /**
   * Scales are in [0.2, 0.8] x 32 px with s0 &ge; s1. The base polygons have diameter &le; 1 and width &ge;
   * 1/sqrt(2) (the square's side; the triangle's height is 3/4) in every direction, and M's singular values
   * are s0 and s1, so each extent lies in [s1 / sqrt(2), s0].
   */
  @Test
  void extentsStayWithinTheScaleRange() {
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (ShapesetImage image : images) {
      for (ShapesetObject object : image.objects()) {
        assertTrue(object.scaleMajor() >= object.scaleMinor());
        assertTrue(object.scaleMinor() >= ShapesetGenerator.SCALE_MIN && object.scaleMajor() <= ShapesetGenerator.SCALE_MAX);
        for (double extent : new double[] {object.maxX() - object.minX(), object.maxY() - object.minY()}) {
          assertTrue(extent <= object.scaleMajor() + EPS, "extent " + extent + " > s0 " + object.scaleMajor());
          assertTrue(extent >= object.scaleMinor() / Math.sqrt(2) - EPS, "extent " + extent + " < s1/sqrt(2)");
          smallest = Math.min(smallest, extent);
          largest = Math.max(largest, extent);
        }
        assertTrue(object.coveredPixels() > 0);
      }
    }
    assertTrue(smallest < 6.5 && largest > 25, "extents span " + smallest + " to " + largest);
  }

  @Test
  void ellipseVerticesLieBetweenTheSemiAxes() {
    for (ShapesetImage image : images.subList(0, 5_000)) {
      for (ShapesetObject object : image.objects()) {
        if (object.type() != ShapeType.ELLIPSE) {
          continue;
        }
        double nearest = Double.POSITIVE_INFINITY;
        double farthest = 0;
        for (int j = 0; j < object.xs().length; j++) {
          double distance = Math.hypot(object.xs()[j] - object.centreX(), object.ys()[j] - object.centreY());
          nearest = Math.min(nearest, distance);
          farthest = Math.max(farthest, distance);
        }
        // a 20-gon samples the ellipse every 18 degrees of the base circle, so the farthest vertex is within 9 of the major axis
        assertTrue(nearest >= object.scaleMinor() / 2 - EPS, "nearest " + nearest);
        assertTrue(farthest <= object.scaleMajor() / 2 + EPS, "farthest " + farthest);
        assertTrue(farthest >= object.scaleMajor() / 2 * Math.cos(Math.toRadians(9)) - EPS, "farthest " + farthest);
      }
    }
  }

  @Test
  void parallelogramsHaveParallelEqualOppositeSides() {
    for (ShapesetImage image : images.subList(0, 5_000)) {
      for (ShapesetObject object : image.objects()) {
        if (object.type() == ShapeType.PARALLELOGRAM) {
          double[] x = object.xs();
          double[] y = object.ys();
          assertEquals(x[1] - x[0], x[2] - x[3], EPS);
          assertEquals(y[1] - y[0], y[2] - y[3], EPS);
        }
      }
    }
  }

  /**
   * Independent check of the fill: with the vertices truncated to integers, the authors' fill paints pixel
   * (x, y) when the point (x, y) is inside that polygon, give or take the truncation of each row's crossings (less
   * than a pixel). So a point more than a pixel inside the top object shows its grey, and in a one-object image
   * a point more than a pixel outside shows the background.
   */
  @Test
  void pointsWellInsideTheTruncatedTopObjectShowItsGrey() {
    for (ShapesetImage image : images.subList(0, 5_000)) {
      ShapesetObject top = image.objects().get(image.objects().size() - 1);
      double[] xs = Arrays.stream(top.xs()).map(v -> (int) v).toArray();
      double[] ys = Arrays.stream(top.ys()).map(v -> (int) v).toArray();
      for (int y = 0; y < ShapesetGenerator.SIDE; y++) {
        for (int x = 0; x < ShapesetGenerator.SIDE; x++) {
          double depth = signedDepth(xs, ys, x, y);
          if (depth > 1 + 1e-9) {
            assertEquals(top.grey(), image.grey(x, y));
          } else if (depth < -1 - 1e-9 && image.objects().size() == 1) {
            assertEquals(image.backgroundGrey(), image.grey(x, y));
          }
        }
      }
    }
  }

  /**
   * Independent check of the overlap rule (paper-spec section 2, step 6), recomputed from what {@code describe}
   * reports: every kept second object covers at most half of the first by the geometric estimate.
   */
  @Test
  void keptSecondObjectsCoverAtMostHalfOfTheFirstByTheEstimate() {
    int twoObjects = 0;
    for (ShapesetImage image : images) {
      if (image.objects().size() == 2) {
        ShapesetObject first = image.objects().get(0);
        ShapesetObject second = image.objects().get(1);
        double share = estimatedShareCovered(first, second);
        assertTrue(share <= ShapesetGenerator.MAX_COVERED_SHARE + 1e-12, share + " of the first object covered");
        twoObjects++;
      }
    }
    assertEquals(0.5, twoObjects / (double) SAMPLE, 0.01);
  }

  private static double estimatedShareCovered(ShapesetObject first, ShapesetObject second) {
    double d = Math.hypot(second.centreX() - first.centreX(), second.centreY() - first.centreY());
    double ux = (second.centreX() - first.centreX()) / d;
    double uy = (second.centreY() - first.centreY()) / d;
    double e1 = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < first.xs().length; j++) {
      e1 = Math.max(e1, (first.xs()[j] - first.centreX()) * ux + (first.ys()[j] - first.centreY()) * uy);
    }
    double e2 = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < second.xs().length; j++) {
      e2 = Math.max(e2, -(second.xs()[j] - second.centreX()) * ux - (second.ys()[j] - second.centreY()) * uy);
    }
    double p = e1 + e2;
    if (p < d) {
      return 0;
    }
    double f = 1 - Math.exp(-(p - d) * Math.log(2) / d);
    return second.scaleMajor() * second.scaleMinor() * rho(second.type().vertices()) * f
        / (first.scaleMajor() * first.scaleMinor() * rho(first.type().vertices()));
  }

  private static double rho(int n) {
    return n * Math.sin(2 * Math.PI / n) / (2 * Math.PI);
  }

  /**
   * The distance from (px, py) to the polygon's boundary, positive inside and negative outside (even-odd rule):
   * truncated vertices can make a convex polygon slightly concave, so no convexity is assumed.
   */
  private static double signedDepth(double[] x, double[] y, double px, double py) {
    int n = x.length;
    boolean inside = false;
    double distance = Double.POSITIVE_INFINITY;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      if ((y[i] > py) != (y[j] > py) && px < x[j] + (py - y[j]) * (x[i] - x[j]) / (y[i] - y[j])) {
        inside = !inside;
      }
      double ex = x[i] - x[j];
      double ey = y[i] - y[j];
      double length2 = ex * ex + ey * ey;
      double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x[j]) * ex + (py - y[j]) * ey) / length2));
      distance = Math.min(distance, Math.hypot(px - x[j] - t * ex, py - y[j] - t * ey));
    }
    return inside ? distance : -distance;
  }

  @Test
  void anExampleIsTheSameBytesInAnyCallOrderAndThread() throws Exception {
    int count = 200;
    float[] forward = new float[count * ShapesetGenerator.PIXELS];
    int[] forwardLabels = new int[count];
    ShapesetGenerator first = new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE);
    for (int k = 0; k < count; k++) {
      forwardLabels[k] = first.generate(STREAM, k, forward, k);
    }
    float[] backward = new float[forward.length];
    int[] backwardLabels = new int[count];
    ShapesetGenerator shared = new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE);
    float[] elsewhere = new float[ShapesetGenerator.PIXELS];
    for (int k = count - 1; k >= 0; k--) {
      shared.generate(STREAM + 1, 3L * k, elsewhere, 0);
      backwardLabels[k] = shared.generate(STREAM, k, backward, k);
    }
    float[] threaded =
        CompletableFuture.supplyAsync(
                () -> {
                  float[] out = new float[forward.length];
                  ShapesetGenerator own = new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE);
                  for (int k = 0; k < count; k += 2) {
                    own.generate(STREAM, k, out, k);
                  }
                  for (int k = 1; k < count; k += 2) {
                    own.generate(STREAM, k, out, k);
                  }
                  return out;
                })
            .get();
    assertArrayEquals(forward, backward);
    assertArrayEquals(forwardLabels, backwardLabels);
    assertArrayEquals(forward, threaded);
  }

  @Test
  void seedsAndStreamsGiveDifferentImages() {
    float[] a = new float[ShapesetGenerator.PIXELS];
    float[] b = new float[ShapesetGenerator.PIXELS];
    new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE).generate(STREAM, 5, a, 0);
    new ShapesetGenerator(SEED + 1, PixelRange.MINUS_ONE_TO_ONE).generate(STREAM, 5, b, 0);
    assertFalse(Arrays.equals(a, b));
    new ShapesetGenerator(SEED, PixelRange.MINUS_ONE_TO_ONE).generate(STREAM + 1, 5, b, 0);
    assertFalse(Arrays.equals(a, b));
  }

  /** The seed hash is a bijection of the index for a fixed (seed, stream), so examples never share a seed. */
  @Test
  void exampleSeedsOfOneStreamAreDistinct() {
    long[] seeds = new long[100_000];
    for (int k = 0; k < seeds.length; k++) {
      seeds[k] = ShapesetGenerator.exampleSeed(SEED, STREAM, k);
    }
    assertEquals(seeds.length, Arrays.stream(seeds).distinct().count());
  }

  /**
   * Pins the generated bytes of version {@link ShapesetGenerator#VERSION}: the SHA-256 of the float32 pixels
   * (big-endian) and labels of validation examples 0..99 of data seed 0. A change that fails this test alters the
   * data set: bump VERSION (so fingerprints change) and update the digest here.
   */
  @Test
  void generatedBytesArePinnedToTheGeneratorVersion() {
    ShapesetGenerator generator = new ShapesetGenerator(0, PixelRange.MINUS_ONE_TO_ONE);
    float[] pixels = new float[ShapesetGenerator.PIXELS];
    ByteBuffer bytes = ByteBuffer.allocate(100 * (4 * ShapesetGenerator.PIXELS + 4));
    for (int k = 0; k < 100; k++) {
      int label = generator.generate(ShapesetDataset.VALIDATION_STREAM, k, pixels, 0);
      for (float pixel : pixels) {
        bytes.putFloat(pixel);
      }
      bytes.putInt(label);
    }
    MessageDigest digest = Fingerprints.newDigest();
    digest.update(bytes.array());
    assertEquals(2, ShapesetGenerator.VERSION);
    assertEquals(VERSION_2_DIGEST, Fingerprints.hex(digest));
  }
}
