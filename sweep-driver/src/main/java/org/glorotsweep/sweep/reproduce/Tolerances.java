package org.glorotsweep.sweep.reproduce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How far a re-run's numbers may be from the committed ones and still count as reproduced. With a the
 * committed and b the re-run value of one number:
 *
 * <ul>
 *   <li>{@code error}: classification errors (final, best and curve values), |a - b| &le; error (errors are
 *       fractions, so 0.01 is one percentage point);
 *   <li>{@code nll}: costs and negative log-likelihoods (final and curve values),
 *       |a - b| / max(|a|, |b|, floor) &le; nll;
 *   <li>{@code stats}: per-layer statistics (mean, variance, std, min, max, percentiles, saturated fraction) and
 *       histogram edges, |a - b| / max(|a|, |b|, floor) &le; stats;
 *   <li>{@code floor}: the magnitude under which costs and statistics are compared absolutely (against the
 *       floor rather than their own size), so a mean near 0 does not turn a tiny change into a large ratio;
 *   <li>{@code histogram}: histogram counts, sum_i |a_i - b_i| / (2 max(sum a, sum b)) &le; histogram, the
 *       fraction of values that moved to another bin.
 * </ul>
 *
 * Integers (status, updates done, the updates of the last and best points, counts) must be equal. Every value
 * is a finite number &ge; 0; 0 demands bitwise-equal numbers.
 *
 * @param error absolute tolerance of classification errors
 * @param nll relative tolerance of costs and NLLs
 * @param stats relative tolerance of layer statistics and histogram edges
 * @param floor the magnitude below which costs and statistics are compared absolutely
 * @param histogram tolerance of the fraction of histogram counts in another bin
 */
public record Tolerances(double error, double nll, double stats, double floor, double histogram) {
  /** The defaults: one percentage point of error, 1% of a cost or statistic above 1e-6, 1% of counts moved. */
  public static final Tolerances DEFAULT = new Tolerances(0.01, 0.01, 0.01, 1e-6, 0.01);

  /** The keys {@code --tolerance} takes, in the order {@link #toString()} writes them. */
  public static final List<String> KEYS = List.of("error", "nll", "stats", "floor", "histogram");

  /** Checks every value. */
  public Tolerances {
    Map<String, Double> values = asMap(error, nll, stats, floor, histogram);
    values.forEach((key, value) -> {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "--tolerance " + key + "=" + value + ": expected a finite number >= 0");
      }
    });
  }

  /**
   * The defaults with the {@code KEY=VALUE} pairs of {@code pairs} applied in order.
   *
   * @throws IllegalArgumentException naming the pair, the key or the value that is wrong, and what is allowed
   */
  public static Tolerances parse(List<String> pairs) {
    Map<String, Double> values = DEFAULT.asMap();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "--tolerance " + pair + ": expected KEY=VALUE with KEY one of " + String.join(", ", KEYS));
      }
      String key = pair.substring(0, equals);
      String text = pair.substring(equals + 1);
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException(
            "--tolerance " + pair + ": unknown key '" + key + "'; allowed: " + String.join(", ", KEYS));
      }
      try {
        values.put(key, Double.parseDouble(text));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--tolerance " + pair + ": value '" + text + "' of " + key + " is not a number; expected one >= 0");
      }
    }
    return new Tolerances(values.get("error"), values.get("nll"), values.get("stats"), values.get("floor"),
        values.get("histogram"));
  }

  /** {@code error=0.01 nll=0.01 stats=0.01 floor=1.0E-6 histogram=0.01}: the form {@link #parse} reads. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(" ");
    asMap().forEach((key, value) -> text.add(key + "=" + value));
    return text.toString();
  }

  private Map<String, Double> asMap() {
    return asMap(error, nll, stats, floor, histogram);
  }

  private static Map<String, Double> asMap(
      double error, double nll, double stats, double floor, double histogram) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("error", error);
    values.put("nll", nll);
    values.put("stats", stats);
    values.put("floor", floor);
    values.put("histogram", histogram);
    return values;
  }
}
