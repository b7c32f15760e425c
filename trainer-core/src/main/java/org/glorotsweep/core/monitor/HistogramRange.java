package org.glorotsweep.core.monitor;

import org.glorotsweep.core.choice.Activation;

/**
 * The fixed interval [low, high] that a quantity's histograms share at every layer and measurement point, so
 * that layers can be compared at one point (paper Fig. 6, 7 and 8) and one layer across points (Fig. 4).
 * Values outside the interval are counted in the edge bins.
 *
 * @param low the lower edge, finite
 * @param high the upper edge, finite and &gt; low
 */
record HistogramRange(double low, double high) {

  /** Checks that the interval is finite and not empty. */
  HistogramRange {
    if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
      throw new IllegalArgumentException("a histogram range needs finite low < high, got [" + low + ", " + high + "]");
    }
  }

  /**
   * [-r, r] for a signed quantity (a gradient) whose largest absolute value at the initialisation point was
   * {@code maxAbs}; r = 1 when that is 0 or not finite.
   */
  static HistogramRange symmetric(double maxAbs) {
    double r = maxAbs > 0.0 && Double.isFinite(maxAbs) ? maxAbs : 1.0;
    return new HistogramRange(-r, r);
  }

  /**
   * The range of f's outputs [f.lowerBound, f.upperBound] (e.g. [-1, 1] for tanh). An unbounded end (relu,
   * identity) is replaced by the smallest or largest activation seen at the initialisation point,
   * {@code observedMin} or {@code observedMax}; if that leaves an empty interval, high = low + 1.
   */
  static HistogramRange forActivation(Activation f, double observedMin, double observedMax) {
    double low = Double.isFinite(f.lowerBound()) ? f.lowerBound() : observedMin;
    double high = Double.isFinite(f.upperBound()) ? f.upperBound() : observedMax;
    return new HistogramRange(low, high > low ? high : low + 1.0);
  }

  /**
   * Counts {@code values[0..n)} into {@code bins} equal bins: value x goes to bin
   * b = floor((x - low) / (high - low) * bins), clamped to [0, bins - 1] (NaN to bin 0).
   *
   * @param values the values. Not modified.
   * @return a new array of {@code bins} counts summing to n
   */
  long[] count(double[] values, int n, int bins) {
    long[] counts = new long[bins];
    double scale = bins / (high - low);
    for (int j = 0; j < n; j++) {
      double position = (values[j] - low) * scale;
      int bin = position >= 0.0 ? (int) Math.min(position, bins - 1) : 0;
      counts[bin]++;
    }
    return counts;
  }
}
