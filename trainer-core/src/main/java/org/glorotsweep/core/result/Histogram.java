package org.glorotsweep.core.result;

import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram of one {@link Quantity} of one hidden layer at one measurement point (paper Fig. 4, 6, 7 and 8):
 * {@code counts.length} equal bins over [low, high]. Bin b holds the values in [low + b w, low + (b + 1) w)
 * with w = (high - low) / bins; the last bin also holds high. Values below low are counted in the first bin
 * and values above high in the last, so the counts sum to the number of values.
 *
 * @param update the number of updates done; 0 is the initialisation
 * @param layer the hidden layer k = 1..L (see {@link Quantity})
 * @param quantity what was binned
 * @param low the lower edge of the first bin
 * @param high the upper edge of the last bin, &gt; low
 * @param counts the number of values in each bin; copied in and out
 */
public record Histogram(long update, int layer, Quantity quantity, double low, double high, long[] counts) {

  /** Checks the range and copies the counts. */
  public Histogram {
    if (update < 0 || layer < 1 || quantity == null || !(low < high) || counts.length < 1) {
      throw new IllegalArgumentException(
          "a histogram needs update >= 0, layer >= 1, a quantity, low < high and at least one bin, got "
              + update + ", " + layer + ", " + quantity + ", [" + low + ", " + high + "], "
              + counts.length + " bins");
    }
    counts = counts.clone();
  }

  /** A copy of the counts. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** The number of values binned: the sum of the counts. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** Equal when every field is, the counts compared element by element. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Histogram h
        && update == h.update
        && layer == h.layer
        && quantity == h.quantity
        && Double.compare(low, h.low) == 0
        && Double.compare(high, h.high) == 0
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(update, layer, quantity, low, high) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Histogram[update=" + update + ", layer=" + layer + ", quantity=" + quantity + ", low=" + low
        + ", high=" + high + ", counts=" + Arrays.toString(counts) + "]";
  }
}
