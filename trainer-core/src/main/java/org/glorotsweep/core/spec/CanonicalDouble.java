package org.glorotsweep.core.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The canonical text of a double in a spec, the same on every Java version. Trial ids hash this text, so it
 * must not depend on {@link Double#toString(double)}, whose digits changed in Java 19 (JDK-4511638: Java 17
 * prints more digits than needed for some values, e.g. {@code 6.3396916254839368E16} where Java 19 and later
 * print {@code 6.339691625483937E16}).
 *
 * <p>The digits are the shortest decimal d_1.d_2...d_p x 10^e that reads back ({@link Double#parseDouble}, which
 * rounds correctly on every Java version) as the same double; among those of that length, the one nearest the
 * double's exact binary value; and when that length is 1, a nearer two-digit decimal if one reads back. That is
 * the digit choice Java 19+ makes, and the one Java 17 makes for every value it prints shortest (every value we
 * found below 1e16). The layout is {@link Double#toString}'s: plain decimal with at least one fraction digit
 * for 10^-3 &le; |x| &lt; 10^7 ({@code 0.01}, {@code 1.0}, {@code 1234.5}), otherwise one digit, a point, at
 * least one more digit and an exponent ({@code 1.0E-4}, {@code 2.5E10}). So today's ids, written with Java 17's
 * {@code Double.toString}, stay as they are for every such value.
 */
final class CanonicalDouble {
  private static final BigDecimal PLAIN_LOW = new BigDecimal("0.001");
  private static final BigDecimal PLAIN_HIGH = new BigDecimal("10000000");

  private CanonicalDouble() {}

  /** The canonical text of {@code value}; NaN and the infinities as Java writes them. */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == 0.0) {
      return Double.doubleToRawLongBits(value) == 0L ? "0.0" : "-0.0";
    }
    BigDecimal shortest = closerOfTwoDigits(shortest(value), value);
    String sign = value < 0 ? "-" : "";
    BigDecimal magnitude = shortest.abs();
    if (magnitude.compareTo(PLAIN_LOW) >= 0 && magnitude.compareTo(PLAIN_HIGH) < 0) {
      return sign + plain(magnitude);
    }
    return sign + scientific(magnitude);
  }

  /**
   * The shortest decimal that parses back to {@code value}: for p = 1, 2, ... the p-digit decimal nearest the
   * exact value, or its p-digit neighbours (the interval of decimals that round to {@code value} is lopsided at
   * a power of two), the first that reads back.
   */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(nearest.toString()) == value) {
        return nearest;
      }
      BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(nearest.precision() - nearest.scale() - digits);
      BigDecimal best = null;
      for (BigDecimal neighbour : new BigDecimal[] {nearest.subtract(step), nearest.add(step)}) {
        if (neighbour.signum() == exact.signum() && Double.parseDouble(neighbour.toString()) == value
            && (best == null || neighbour.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = neighbour;
        }
      }
      if (best != null) {
        return best;
      }
    }
    throw new AssertionError("17 significant digits always read back: " + value);
  }

  /**
   * {@code shortest}, or when it has one digit the nearest two-digit decimal if that reads back and is nearer the
   * exact value (Java's rule, which writes {@link Double#MIN_VALUE} as {@code 4.9E-324}, not {@code 5.0E-324}).
   */
  private static BigDecimal closerOfTwoDigits(BigDecimal shortest, double value) {
    if (shortest.stripTrailingZeros().precision() > 1) {
      return shortest;
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal two = exact.round(new MathContext(2, RoundingMode.HALF_EVEN));
    boolean nearer = two.subtract(exact).abs().compareTo(shortest.subtract(exact).abs()) < 0;
    return nearer && Double.parseDouble(two.toString()) == value ? two : shortest;
  }

  /** {@code 123.45}, {@code 0.01}, {@code 100.0}: at least one digit after the point. */
  private static String plain(BigDecimal magnitude) {
    String text = magnitude.stripTrailingZeros().toPlainString();
    return text.contains(".") ? text : text + ".0";
  }

  /** {@code 1.0E-4}, {@code 6.339691625483937E16}: one digit before the point, at least one after. */
  private static String scientific(BigDecimal magnitude) {
    BigDecimal stripped = magnitude.stripTrailingZeros();
    String digits = stripped.unscaledValue().toString();
    int exponent = stripped.precision() - stripped.scale() - 1;
    String fraction = digits.length() > 1 ? digits.substring(1) : "0";
    return digits.charAt(0) + "." + fraction + "E" + exponent;
  }
}
