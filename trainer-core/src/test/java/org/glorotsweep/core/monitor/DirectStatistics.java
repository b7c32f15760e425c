package org.glorotsweep.core.monitor;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * Statistics of a set of values written plainly from their definitions, to check the monitors against: the
 * population variance, and percentiles by Hyndman and Fan's definition 7 on a sorted copy.
 *
 * @param values the values, in any order
 */
record DirectStatistics(double[] values) {

  /** The values of every row, concatenated. */
  static DirectStatistics of(double[][] rows) {
    return new DirectStatistics(Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray());
  }

  long count() {
    return values.length;
  }

  double mean() {
    return Arrays.stream(values).sum() / values.length;
  }

  double variance() {
    double mean = mean();
    return Arrays.stream(values).map(x -> (x - mean) * (x - mean)).sum() / values.length;
  }

  double min() {
    return Arrays.stream(values).min().orElseThrow();
  }

  double max() {
    return Arrays.stream(values).max().orElseThrow();
  }

  double norm() {
    return Math.sqrt(Arrays.stream(values).map(x -> x * x).sum());
  }

  double fraction(DoublePredicate test) {
    return (double) Arrays.stream(values).filter(test).count() / values.length;
  }

  /** x_(lo) + (h - lo) (x_(hi) - x_(lo)) with h = (n - 1) q, lo = floor(h), hi = ceil(h). */
  double percentile(double q) {
    return typeSeven(Arrays.stream(values).sorted().toArray(), q);
  }

  /** The same percentile of |x|. */
  double absolutePercentile(double q) {
    return typeSeven(Arrays.stream(values).map(Math::abs).sorted().toArray(), q);
  }

  private static double typeSeven(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
