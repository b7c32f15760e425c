package org.glorotsweep.core.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.ejml.data.DMatrixRMaj;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.kernel.KernelChoice;
import org.junit.jupiter.api.Test;

/** {@link Sample}'s moments, percentiles, fractions and histograms against direct computations. */
class SampleTest {

  @Test
  void momentsOfAKnownArray() {
    Sample sample = sampleOf(2, 4, 4, 4, 5, 5, 7, 9);
    Moments m = sample.moments();
    assertEquals(8, m.count());
    assertEquals(5.0, m.mean(), 0.0);
    assertEquals(4.0, m.variance(), 1e-15); // the textbook population std of 2
    assertEquals(2.0, m.min(), 0.0);
    assertEquals(9.0, m.max(), 0.0);
    assertEquals(9.0, m.maxAbs(), 0.0);
    assertEquals(Math.sqrt(4 + 16 * 3 + 25 * 2 + 49 + 81), m.norm(), 1e-12);
  }

  @Test
  void varianceKeepsItsPrecisionUnderALargeMean() {
    Sample sample = sampleOf(1e9 + 1, 1e9 + 2, 1e9 + 3);
    assertEquals(2.0 / 3.0, sample.moments().variance(), 1e-12);
  }

  @Test
  void percentilesOfKnownArrays() {
    // 0..100: percentile q is exactly 100 q
    Sample hundred = new Sample(101);
    hundred.append(DoubleStream.iterate(100, x -> x - 1).limit(101).toArray(), 101);
    Quantiles q = hundred.quantiles();
    assertEquals(2.0, q.p02(), 1e-12);
    assertEquals(50.0, q.p50(), 1e-12);
    assertEquals(98.0, q.p98(), 1e-12);
    assertEquals(98.0, q.p98Abs(), 1e-12);
    // four values: h = 3 q interpolates between neighbours
    Quantiles four = sampleOf(-4, 1, 3, -2).quantiles();
    assertEquals(-4 + 0.06 * 2, four.p02(), 1e-12);
    assertEquals(-0.5, four.p50(), 1e-12);
    assertEquals(1 + 0.94 * 2, four.p98(), 1e-12);
    // |x| sorted: 1, 2, 3, 4
    assertEquals(3 + 0.94, four.p98Abs(), 1e-12);
    assertEquals(7.0, sampleOf(7).quantiles().p98Abs(), 0.0);
  }

  @Test
  void percentilesAgreeWithSortingOnRandomSignedValues() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {1, 2, 3, 50, 1001}) {
      double[] values = random.doubles(n, -1.0, 0.7).toArray();
      values[0] = 0.0;
      Sample sample = new Sample(n);
      sample.append(values, n);
      Quantiles q = sample.quantiles();
      DirectStatistics direct = new DirectStatistics(values);
      assertEquals(direct.percentile(0.02), q.p02(), 1e-15);
      assertEquals(direct.percentile(0.50), q.p50(), 1e-15);
      assertEquals(direct.percentile(0.98), q.p98(), 1e-15);
      assertEquals(direct.absolutePercentile(0.98), q.p98Abs(), 1e-15);
    }
  }

  @Test
  void fractionCountsTheSaturatedValues() {
    Sample sample = sampleOf(-1.0, -0.995, -0.5, 0.0, 0.99, 0.999);
    assertEquals(3.0 / 6.0, sample.fraction(Activation.TANH::isSaturated), 0.0);
    assertEquals(1.0 / 6.0, sampleOf(0.005, 0.5, 0.5, 0.5, 0.5, 0.5).fraction(Activation.SIGMOID::isSaturated));
  }

  @Test
  void histogramCountsAgreeWithDirectBinningAndSumToTheCount() {
    SplittableRandom random = new SplittableRandom(5);
    double[] values = random.doubles(10_000, -1.5, 1.5).toArray();
    HistogramRange range = new HistogramRange(-1.0, 1.0);
    Sample sample = new Sample(values.length);
    sample.append(values, values.length);
    long[] counts = sample.histogram(range, 8);
    long[] direct = new long[8];
    for (double x : values) {
      int bin = (int) Math.floor((x + 1.0) / 0.25);
      direct[Math.max(0, Math.min(7, bin))]++;
    }
    assertArrayEquals(direct, counts);
    assertEquals(values.length, Arrays.stream(counts).sum());
  }

  @Test
  void histogramEdgesGoToTheirBinsAndOutliersToTheEdgeBins() {
    HistogramRange range = new HistogramRange(0.0, 1.0);
    Sample sample = sampleOf(-5.0, 0.0, 0.2499, 0.25, 0.5, 0.75, 1.0, 7.0);
    assertArrayEquals(new long[] {3, 1, 1, 3}, sample.histogram(range, 4));
  }

  @Test
  void rangesOfActivationsAndGradients() {
    assertEquals(new HistogramRange(-1.0, 1.0), HistogramRange.forActivation(Activation.TANH, -0.2, 0.3));
    assertEquals(new HistogramRange(0.0, 1.0), HistogramRange.forActivation(Activation.SIGMOID, 0.4, 0.6));
    assertEquals(new HistogramRange(0.0, 4.5), HistogramRange.forActivation(Activation.RELU, 0.0, 4.5));
    assertEquals(new HistogramRange(-2.0, 3.0), HistogramRange.forActivation(Activation.IDENTITY, -2.0, 3.0));
    assertEquals(new HistogramRange(0.0, 1.0), HistogramRange.forActivation(Activation.RELU, 0.0, 0.0));
    assertEquals(new HistogramRange(-0.5, 0.5), HistogramRange.symmetric(0.5));
    assertEquals(new HistogramRange(-1.0, 1.0), HistogramRange.symmetric(0.0));
  }

  @Test
  void loadReadsAMatrixRowMajorAndScales() {
    DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Sample sample = new Sample(6);
    sample.load(KernelChoice.float64(), m, 10.0);
    assertEquals(6, sample.size());
    assertEquals(35.0, sample.moments().mean(), 1e-12);
    assertEquals(60.0, sample.moments().max(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> new Sample(5).load(KernelChoice.float64(), m, 1.0));
  }

  private static Sample sampleOf(double... values) {
    Sample sample = new Sample(values.length);
    sample.append(values, values.length);
    return sample;
  }
}
