package org.glorotsweep.core.monitor;

/**
 * The percentiles the paper's activation plots use (Fig. 3 and 10): 2, 50 and 98 of the signed values and 98 of
 * their absolute values, each by linear interpolation between order statistics (see
 * {@link Sample#quantiles()}).
 *
 * @param p02 the 2nd percentile
 * @param p50 the median
 * @param p98 the 98th percentile
 * @param p98Abs the 98th percentile of the absolute values
 */
record Quantiles(double p02, double p50, double p98, double p98Abs) {
  /** For quantities whose percentiles are not recorded. */
  static final Quantiles NONE = new Quantiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
