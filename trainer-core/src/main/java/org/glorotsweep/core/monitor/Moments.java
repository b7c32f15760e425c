package org.glorotsweep.core.monitor;

/**
 * The count, mean, population variance and extremes of a set of values x_1..x_n:
 * mean = (1/n) sum x_j and variance = (1/n) sum (x_j - mean)^2, computed in two passes so that the variance
 * keeps its precision when the mean is large against the spread. All NaN when n = 0.
 *
 * @param count n
 * @param mean the arithmetic mean
 * @param variance the population variance
 * @param min the smallest value
 * @param max the largest value
 */
record Moments(long count, double mean, double variance, double min, double max) {

  /**
   * The moments of {@code values[from..to)}.
   *
   * @param values the values. Not modified.
   */
  static Moments of(double[] values, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return new Moments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    // mean = (1/n) sum x_j
    double sum = 0.0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = from; j < to; j++) {
      double x = values[j];
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = sum / n;
    // variance = (1/n) sum (x_j - mean)^2
    double squares = 0.0;
    for (int j = from; j < to; j++) {
      double d = values[j] - mean;
      squares += d * d;
    }
    return new Moments(n, mean, squares / n, min, max);
  }

  /** The largest absolute value, max(|min|, |max|). */
  double maxAbs() {
    return Math.max(Math.abs(min), Math.abs(max));
  }

  /** The Euclidean (Frobenius) norm of the values, sqrt(sum x_j^2) = sqrt(n (variance + mean^2)). */
  double norm() {
    return Math.sqrt(count * (variance + mean * mean));
  }
}
