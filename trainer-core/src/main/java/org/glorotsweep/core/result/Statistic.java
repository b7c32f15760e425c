package org.glorotsweep.core.result;

/**
 * The summary statistics of a {@link LayerStatistics} row beyond its count and mean, which every row has.
 * Which of them a row records depends on its {@link Quantity} (see {@link Quantity#records}); a statistic
 * that is not recorded is absent, not a number that happens to be NaN.
 */
public enum Statistic {
  /** The population variance. */
  VARIANCE,
  /** The population standard deviation, the square root of the variance. */
  STD,
  /** The smallest value. */
  MIN,
  /** The largest value. */
  MAX,
  /** The 2nd percentile. */
  P02,
  /** The median. */
  P50,
  /** The 98th percentile. */
  P98,
  /** The 98th percentile of the absolute values. */
  P98_ABS,
  /** The fraction of activations counted saturated. */
  SATURATED_FRACTION
}
