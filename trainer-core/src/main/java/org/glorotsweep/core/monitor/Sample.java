package org.glorotsweep.core.monitor;

import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.function.IntToDoubleFunction;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.kernel.Kernels;

/**
 * The values of one quantity of one layer at one point, as float64, in a buffer allocated once per trial, and
 * their statistics. Every statistic here is independent of the values' order, and {@link #quantiles()} sorts
 * the buffer in place, so it is computed last.
 */
final class Sample {
  private final double[] values;
  private int size;

  /** A buffer for up to {@code capacity} values. */
  Sample(int capacity) {
    values = new double[capacity];
  }

  /** The number of values held. */
  int size() {
    return size;
  }

  /** Forgets every value. */
  void clear() {
    size = 0;
  }

  /**
   * Replaces the values with x = scale * m_rc for every element of {@code matrix}, row-major.
   *
   * @param matrix a matrix of the trial's precision. Not modified.
   */
  <M extends ReshapeMatrix> void load(Kernels<M> kernels, M matrix, double scale) {
    int rows = matrix.getNumRows();
    int cols = matrix.getNumCols();
    ensureRoom((long) rows * cols);
    size = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        values[size++] = scale * kernels.get(matrix, r, c);
      }
    }
  }

  /**
   * Appends {@code source[0..n)}.
   *
   * @param source the values to add. Not modified.
   */
  void append(double[] source, int n) {
    ensureRoom((long) size + n);
    System.arraycopy(source, 0, values, size, n);
    size += n;
  }

  /** Count, mean, population variance, min and max. */
  Moments moments() {
    return Moments.of(values, 0, size);
  }

  /** The fraction of the values for which {@code test} holds (NaN when empty). */
  double fraction(DoublePredicate test) {
    long hits = 0;
    for (int j = 0; j < size; j++) {
      if (test.test(values[j])) {
        hits++;
      }
    }
    return (double) hits / size;
  }

  /** The counts of the values in {@code bins} equal bins over {@code range}. */
  long[] histogram(HistogramRange range, int bins) {
    return range.count(values, size, bins);
  }

  /**
   * Percentiles 2, 50 and 98 of the values and 98 of their absolute values. Percentile q is
   * x_(h0) + (h - h0) (x_(h0 + 1) - x_(h0)) with h = (n - 1) q, h0 = floor(h) and x_(r) the 0-based order
   * statistics (Hyndman and Fan 1996, definition 7; NumPy's default). Sorts the buffer in place.
   */
  Quantiles quantiles() {
    Arrays.sort(values, 0, size);
    return new Quantiles(
        percentile(0.02, this::orderStatistic),
        percentile(0.50, this::orderStatistic),
        percentile(0.98, this::orderStatistic),
        percentile(0.98, this::absoluteOrderStatistic));
  }

  /** x_(h0) + (h - h0) (x_(h0 + 1) - x_(h0)) with h = (n - 1) q, given the order statistics x_(r). */
  private double percentile(double q, IntToDoubleFunction orderStatistic) {
    if (size == 0) {
      return Double.NaN;
    }
    double h = (size - 1) * q;
    int below = (int) h;
    double atBelow = orderStatistic.applyAsDouble(below);
    double atAbove = orderStatistic.applyAsDouble(Math.min(below + 1, size - 1));
    return atBelow + (h - below) * (atAbove - atBelow);
  }

  /** The value of rank r (0-based) in the sorted buffer. */
  private double orderStatistic(int rank) {
    return values[rank];
  }

  /**
   * The absolute value of rank r, read from the signed values already sorted: |x| in increasing order is the
   * merge of the non-negative values read upwards and the negative values read downwards, so it is reached by
   * walking that merge, with no second sort.
   */
  private double absoluteOrderStatistic(int rank) {
    int up = firstNonNegative();
    int down = up - 1;
    double next = Double.NaN;
    for (int r = 0; r <= rank; r++) {
      if (down < 0 || (up < size && values[up] <= -values[down])) {
        next = values[up++];
      } else {
        next = -values[down--];
      }
    }
    return next;
  }

  /** In the sorted buffer, the index of the first value &ge; 0 (size when there is none). */
  private int firstNonNegative() {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] >= 0.0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private void ensureRoom(long needed) {
    if (needed > values.length) {
      throw new IllegalArgumentException(
          needed + " values do not fit a sample buffer of " + values.length + " values");
    }
  }
}
