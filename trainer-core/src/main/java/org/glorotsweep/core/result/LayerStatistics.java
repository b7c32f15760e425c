package org.glorotsweep.core.result;

import java.util.OptionalDouble;

/**
 * Summary statistics of one {@link Quantity} of one layer at one measurement point: one flat row of the
 * paper's per-layer traces (Fig. 2, 3, 9, section 4.2). {@link Quantity#records} says which {@link Statistic}s
 * a quantity records, and {@link #recorded} gives each one or nothing: a statistic the quantity does not
 * record is held as NaN in its component and is absent from {@link #recorded}, which result tables write as
 * NULL. A recorded statistic may itself be NaN, e.g. on a diverged network. {@link Quantity} also says what
 * {@code min}, {@code max} and the percentiles mean for Jacobians.
 *
 * <p>Over the values x_1..x_n: mean = (1/n) sum x_j; variance = (1/n) sum (x_j - mean)^2 (the population
 * variance, as in the paper's eq. 13-15) and std = sqrt(variance) (the population standard deviation, the
 * lines of the paper's Fig. 3 and 9: the values are the whole monitor set, not a sample of a larger one,
 * so there is no n - 1); percentile q is linear interpolation between the order statistics at rank
 * h = (n - 1) q (0-based), Hyndman and Fan's definition 7.
 *
 * @param update the number of updates done; 0 is the initialisation
 * @param layer k = 1..L+1, numbered from the input (see {@link Quantity}); L+1 is the softmax layer
 * @param quantity what was measured
 * @param count the number of values summarised
 * @param mean their mean
 * @param variance their population variance
 * @param min the smallest value
 * @param max the largest value
 * @param p02 the 2nd percentile
 * @param p50 the median
 * @param p98 the 98th percentile (paper Fig. 3 and 10)
 * @param p98Abs the 98th percentile of the absolute values, which for a symmetric activation measures how
 *     close the layer is to saturation on either side
 * @param saturatedFraction the fraction of activations counted saturated (paper Fig. 3 and 10)
 */
public record LayerStatistics(
    long update,
    int layer,
    Quantity quantity,
    long count,
    double mean,
    double variance,
    double min,
    double max,
    double p02,
    double p50,
    double p98,
    double p98Abs,
    double saturatedFraction) {

  /** Rejects rows no monitor could produce. */
  public LayerStatistics {
    if (update < 0 || layer < 1 || quantity == null || count < 0) {
      throw new IllegalArgumentException(
          "layer statistics need update >= 0, layer >= 1, a quantity and count >= 0, got " + update + ", "
              + layer + ", " + quantity + ", " + count);
    }
  }

  /** The population standard deviation, sqrt(variance) (the lines of paper Fig. 3 and 9). */
  public double std() {
    return Math.sqrt(variance);
  }

  /** The value of {@code statistic}, or nothing when this row's quantity does not record it. */
  public OptionalDouble recorded(Statistic statistic) {
    if (!quantity.records(statistic)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        switch (statistic) {
          case VARIANCE -> variance;
          case STD -> std();
          case MIN -> min;
          case MAX -> max;
          case P02 -> p02;
          case P50 -> p50;
          case P98 -> p98;
          case P98_ABS -> p98Abs;
          case SATURATED_FRACTION -> saturatedFraction;
        });
  }
}
