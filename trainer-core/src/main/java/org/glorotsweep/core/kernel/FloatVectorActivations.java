// Written by hand: Float64Twins (trainer-core's tests) generates DoubleVectorActivations.java from this file.
package org.glorotsweep.core.kernel;

import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.glorotsweep.core.choice.Activation;

/**
 * The paper's three activations in float32 on the Java Vector API, deterministic: each element goes through
 * the same IEEE 754 additions, multiplications, divisions and fused multiply-adds, in one lane, whatever its
 * position, the array's length or the vector length, so an input gives the same bits on every JVM, CPU and
 * vector size (the last elements of an array, which do not fill a vector, go through the same function on a
 * masked vector). Within 3 ulp (tanh), 2 ulp (sigmoid) and 1 ulp (softsign) of the scalar functions of
 * {@link Activation} on {@link StrictMath} (rounded once to this precision), in single and double precision
 * alike: {@code VectorActivationsTest} checks these bounds over the whole range of each precision (every 509th
 * single-precision bit pattern; a sample of double-precision bit patterns and of the working range), and the
 * specials.
 *
 * <pre>
 *   e^y - 1, e^y (y &le; 0): y = k ln 2 + r, k = round(y / ln 2), |r| &le; ln 2 / 2, ln 2 split in two so that
 *                        r is exact (Cody and Waite); e^r - 1 = p(r) = sum_{n=1}^{13} r^n / n! (truncation
 *                        below 2e-17 relative, enough for double precision too), then
 *                        e^y - 1 = 2^k p(r) + (2^k - 1) (one fused multiply-add) and e^y = 2^k (1 + p(r)),
 *                        2^k applied as two powers of two so that subnormal results round once;
 *   tanh x   = sign(x) (-m) / (2 + m), m = e^{-2 min(|x|, TANH_CLAMP)} - 1 (no cancellation near 0, where
 *              m ~ -2x, so small |x| keep their relative accuracy, and tanh(-0) = -0);
 *   sigmoid x = 1 / (1 + e) for x &ge; 0 and e / (1 + e) for x &lt; 0, e = e^{-min(|x|, SIGMOID_CLAMP)};
 *   softsign x = sign(x) a / (1 + a), a = min(|x|, SOFTSIGN_CLAMP);
 * </pre>
 *
 * where each clamp is where the function has rounded to its limit. NaN gives NaN; infinities give the limits
 * (+-1, or 1 and 0 for sigmoid); -0 gives -0 for tanh and softsign.
 */
final class FloatVectorActivations {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /** tanh x rounds to +-1 beyond |x| = 20, in single and double precision. */
  private static final float TANH_CLAMP = 20f;
  /** sigmoid x rounds to 0 below -SIGMOID_CLAMP: e^{-SIGMOID_CLAMP} is below half the smallest subnormal. */
  private static final float SIGMOID_CLAMP = /*float64=746.0*/ 104f;
  /** softsign x rounds to +-1 beyond |x| = SOFTSIGN_CLAMP, twice the reciprocal of the unit roundoff. */
  private static final float SOFTSIGN_CLAMP = /*float64=0x1p54*/ 0x1p25f;
  private static final float LOG2_E = 1.4426950408889634f;
  /** 1.5 2^MANTISSA_BITS: adding it rounds a number below 2^(MANTISSA_BITS - 1) to an integer in the low bits. */
  private static final float ROUNDING_SHIFT = /*float64=0x1.8p52*/ 0x1.8p23f;
  /** ln 2 = LN2_HIGH + LN2_LOW, LN2_HIGH with few enough significant bits that k LN2_HIGH is exact here. */
  private static final float LN2_HIGH = /*float64=6.93147180369123816490e-01*/ 0.693145751953125f;
  private static final float LN2_LOW = /*float64=1.90821492927058770002e-10*/ 1.4286068203094173e-6f;
  private static final int MANTISSA_BITS = /*float64=52*/ 23;
  private static final /*float64=long*/ int SIGN_BIT = /*float64=Long.MIN_VALUE*/ Integer.MIN_VALUE;
  /** 1 / n! for n = 2 ... 13, the series of e^r - 1 after its first term; 13! exceeds int, hence two divisions. */
  private static final float C2 = 1f / 2;
  private static final float C3 = 1f / 6;
  private static final float C4 = 1f / 24;
  private static final float C5 = 1f / 120;
  private static final float C6 = 1f / 720;
  private static final float C7 = 1f / 5040;
  private static final float C8 = 1f / 40320;
  private static final float C9 = 1f / 362880;
  private static final float C10 = 1f / 3628800;
  private static final float C11 = 1f / 39916800;
  private static final float C12 = 1f / 479001600;
  private static final float C13 = 1f / 479001600 / 13;

  private FloatVectorActivations() {}

  /** The vectorised functions by activation, for {@link FloatKernels}. */
  static Map<Activation, FloatKernels.ArrayFunction> functions() {
    return Map.of(
        Activation.TANH, FloatVectorActivations::tanh,
        Activation.SIGMOID, FloatVectorActivations::sigmoid,
        Activation.SOFTSIGN, FloatVectorActivations::softsign);
  }

  /**
   * z_i = tanh(s_i) for i &lt; count; z may be s.
   *
   * @param s the arguments. Not modified unless it is z.
   * @param z the results. Modified.
   */
  static void tanh(float[] s, float[] z, int count) {
    int i = 0;
    for (; i < SPECIES.loopBound(count); i += LANES) {
      tanh(FloatVector.fromArray(SPECIES, s, i)).intoArray(z, i);
    }
    if (i < count) {
      VectorMask<Float> tail = SPECIES.indexInRange(i, count);
      tanh(FloatVector.fromArray(SPECIES, s, i, tail)).intoArray(z, i, tail);
    }
  }

  /** z_i = sigmoid(s_i) = 1 / (1 + e^{-s_i}) for i &lt; count; z may be s (s not modified unless it is z). */
  static void sigmoid(float[] s, float[] z, int count) {
    int i = 0;
    for (; i < SPECIES.loopBound(count); i += LANES) {
      sigmoid(FloatVector.fromArray(SPECIES, s, i)).intoArray(z, i);
    }
    if (i < count) {
      VectorMask<Float> tail = SPECIES.indexInRange(i, count);
      sigmoid(FloatVector.fromArray(SPECIES, s, i, tail)).intoArray(z, i, tail);
    }
  }

  /** z_i = softsign(s_i) = s_i / (1 + |s_i|) for i &lt; count; z may be s (s not modified unless it is z). */
  static void softsign(float[] s, float[] z, int count) {
    int i = 0;
    for (; i < SPECIES.loopBound(count); i += LANES) {
      softsign(FloatVector.fromArray(SPECIES, s, i)).intoArray(z, i);
    }
    if (i < count) {
      VectorMask<Float> tail = SPECIES.indexInRange(i, count);
      softsign(FloatVector.fromArray(SPECIES, s, i, tail)).intoArray(z, i, tail);
    }
  }

  private static FloatVector tanh(FloatVector x) {
    FloatVector y = x.abs().min(TANH_CLAMP).mul(-2f);
    FloatVector shifted = roundedQuotient(y);
    FloatVector p = expm1Series(remainder(y, shifted));
    FloatVector twoToK = powerOfTwo(exponent(shifted));
    // m = e^y - 1 = 2^k p + (2^k - 1), then tanh|x| = -m / (2 + m)
    FloatVector m = twoToK.fma(p, twoToK.sub(1f));
    return withSignOf(m.neg().div(m.add(2f)), x);
  }

  private static FloatVector sigmoid(FloatVector x) {
    FloatVector y = x.abs().min(SIGMOID_CLAMP).neg();
    FloatVector shifted = roundedQuotient(y);
    FloatVector p = expm1Series(remainder(y, shifted));
    // e = e^{-|x|} = (1 + p) 2^h 2^(k - h), h = floor(k / 2): each factor normal, one rounding at the end
    IntVector k = exponent(shifted);
    IntVector h = k.lanewise(VectorOperators.ASHR, 1);
    FloatVector e = p.add(1f).mul(powerOfTwo(h)).mul(powerOfTwo(k.sub(h)));
    // sigmoid x = 1 / (1 + e) for x >= 0, e / (1 + e) for x < 0
    FloatVector numerator = FloatVector.broadcast(SPECIES, 1f).blend(e, x.compare(VectorOperators.LT, 0f));
    return numerator.div(e.add(1f));
  }

  private static FloatVector softsign(FloatVector x) {
    FloatVector a = x.abs().min(SOFTSIGN_CLAMP);
    return withSignOf(a.div(a.add(1f)), x);
  }

  /** y log2(e) + ROUNDING_SHIFT, whose low bits hold k = round(y / ln 2) (Java 17 does not vectorise float to int). */
  private static FloatVector roundedQuotient(FloatVector y) {
    return y.fma(LOG2_E, ROUNDING_SHIFT);
  }

  /** k as an integer: the bits of {@code shifted} less those of ROUNDING_SHIFT. */
  private static IntVector exponent(FloatVector shifted) {
    return shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDING_SHIFT));
  }

  /** r = y - k ln 2, exactly: k LN2_HIGH is exact, and so is the first subtraction (Sterbenz). */
  private static FloatVector remainder(FloatVector y, FloatVector shifted) {
    FloatVector k = shifted.sub(ROUNDING_SHIFT);
    FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_HIGH), y);
    return k.fma(FloatVector.broadcast(SPECIES, -LN2_LOW), r);
  }

  /** e^r - 1 = r + r^2 (1/2! + r (1/3! + ... + r / 13!)), by Horner. */
  private static FloatVector expm1Series(FloatVector r) {
    FloatVector q = r.fma(C13, C12);
    q = q.fma(r, FloatVector.broadcast(SPECIES, C11));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C10));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C9));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C8));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C7));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C6));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C5));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C4));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C3));
    q = q.fma(r, FloatVector.broadcast(SPECIES, C2));
    return r.mul(r).fma(q, r);
  }

  /** 2^k from its bits, (k + bias) shifted into the exponent field; k within the normal exponents. */
  private static FloatVector powerOfTwo(IntVector k) {
    return k.add(Float.MAX_EXPONENT).lanewise(VectorOperators.LSHL, MANTISSA_BITS).reinterpretAsFloats();
  }

  /** |v| with the sign bit of x, so that -0 stays -0 and +0 stays +0. */
  private static FloatVector withSignOf(FloatVector v, FloatVector x) {
    return v.abs().reinterpretAsInts().or(x.reinterpretAsInts().and(SIGN_BIT)).reinterpretAsFloats();
  }
}
