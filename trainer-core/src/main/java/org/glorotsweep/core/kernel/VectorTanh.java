package org.glorotsweep.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh in float32 on the Java Vector API, about 30 times faster than {@code (float) Math.tanh(x)} on Java 17
 * and deterministic: only IEEE 754 additions, multiplications, fused multiply-adds and one division, so the
 * same input gives the same bits on every JVM and thread. Within 2 ulp of the correctly rounded tanh
 * (VectorTanhTest measures the maximum over a sweep of inputs).
 *
 * <pre>
 *   |x| &lt; 0.625:  tanh x = x (1 + x^2 P(x^2)), P of degree 4 fitted to (tanh x - x) / x^3 by weighted least
 *                  squares (relative error 5e-9 before rounding), so small |x| keep full relative accuracy and
 *                  tanh(-0) = -0;
 *   otherwise:     tanh x = sign(x) (1 - 2 / (1 + e^{2|x|})), |x| clamped to 20 (tanh 20 rounds to 1);
 *   e^y:           y = k ln 2 + r, k = round(y / ln 2), |r| &le; ln 2 / 2 (ln 2 split in two for Cody and Waite's
 *                  exact reduction), e^y = 2^k (sum_{n=0}^{7} r^n / n!), truncation error below 6e-9.
 * </pre>
 *
 * NaN gives NaN and +-infinity gives +-1. The last {@code n mod LANES} elements of an array, which do not
 * fill a vector, take {@code (float) StrictMath.tanh}; which elements those are depends only on n and the vector
 * length, which is part of the kernel's name.
 */
final class VectorTanh {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final float POLYNOMIAL_LIMIT = 0.625f;
  private static final float P0 = -0.33333285212934327f;
  private static final float P1 = 0.13331512468518497f;
  private static final float P2 = -0.053744640344151946f;
  private static final float P3 = 0.0206530639253888f;
  private static final float P4 = -0.005718891533781518f;
  private static final float CLAMP = 20f;
  private static final float LOG2_E = 1.4426950408889634f;
  /** 1.5 2^23: adding it rounds a float below 2^22 in magnitude to an integer held in the low bits. */
  private static final float ROUNDING_SHIFT = 0x1.8p23f;
  /** ln 2 = LN2_HIGH + LN2_LOW, LN2_HIGH with 16 significant bits, so k LN2_HIGH is exact for k &lt; 2^8. */
  private static final float LN2_HIGH = 0.693145751953125f;
  private static final float LN2_LOW = 1.4286068203094173e-6f;
  private static final int FLOAT_BIAS = 127;
  private static final int MANTISSA_BITS = 23;

  private VectorTanh() {}

  /**
   * z_i = tanh(s_i) for i &lt; count; z may be s.
   *
   * @param s the arguments. Not modified unless it is z.
   * @param z the results. Modified.
   */
  static void apply(float[] s, float[] z, int count) {
    int vectorEnd = count - count % SPECIES.length();
    polynomialPass(s, z, vectorEnd);
    exponentialPass(z, vectorEnd);
    for (int i = vectorEnd; i < count; i++) {
      z[i] = (float) StrictMath.tanh(s[i]);
    }
  }

  /**
   * z_i = tanh(s_i) where |s_i| &lt; 0.625, else z_i = s_i. Every z_i set here is below tanh(0.625) &lt; 0.625 in
   * magnitude, so {@link #exponentialPass} tells the two apart. Two passes, each a loop with no calls of our
   * own, because C2 fails to compile the whole function as one loop body and then boxes every vector.
   */
  private static void polynomialPass(float[] s, float[] z, int end) {
    for (int i = 0; i < end; i += SPECIES.length()) {
      FloatVector x = FloatVector.fromArray(SPECIES, s, i);
      // x (1 + x^2 P(x^2)), odd also for -0
      FloatVector u = x.mul(x);
      FloatVector p = u.fma(P4, P3);
      p = p.fma(u, FloatVector.broadcast(SPECIES, P2));
      p = p.fma(u, FloatVector.broadcast(SPECIES, P1));
      p = p.fma(u, FloatVector.broadcast(SPECIES, P0));
      FloatVector small = x.mul(u.fma(p, FloatVector.broadcast(SPECIES, 1f)));
      x.blend(small, x.abs().compare(VectorOperators.LT, POLYNOMIAL_LIMIT)).intoArray(z, i);
    }
  }

  /** z_i := tanh(z_i) where |z_i| &ge; 0.625, through e^{2|z_i|}. */
  private static void exponentialPass(float[] z, int end) {
    for (int i = 0; i < end; i += SPECIES.length()) {
      FloatVector x = FloatVector.fromArray(SPECIES, z, i);
      FloatVector a = x.abs();
      // y = 2 min(|x|, 20) = k ln 2 + r; k = round(y / ln 2) from the low bits of y log2(e) + 1.5 2^23
      // (Java 17 does not vectorise float-to-int conversion)
      FloatVector y = a.min(CLAMP).mul(2f);
      FloatVector shifted = y.fma(LOG2_E, ROUNDING_SHIFT);
      FloatVector k = shifted.sub(ROUNDING_SHIFT);
      FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_HIGH), y);
      r = k.fma(FloatVector.broadcast(SPECIES, -LN2_LOW), r);
      // e^r = sum_{n=0}^{7} r^n / n!, by Horner
      FloatVector series = r.fma(1f / 5040, 1f / 720);
      series = series.fma(r, FloatVector.broadcast(SPECIES, 1f / 120));
      series = series.fma(r, FloatVector.broadcast(SPECIES, 1f / 24));
      series = series.fma(r, FloatVector.broadcast(SPECIES, 1f / 6));
      series = series.fma(r, FloatVector.broadcast(SPECIES, 0.5f));
      series = series.fma(r, FloatVector.broadcast(SPECIES, 1f));
      series = series.fma(r, FloatVector.broadcast(SPECIES, 1f));
      // 2^k from its bits, (k + 127) << 23, with k = bits(shifted) - bits(1.5 2^23)
      FloatVector twoToK =
          shifted.reinterpretAsInts().add(FLOAT_BIAS - Float.floatToRawIntBits(ROUNDING_SHIFT))
              .lanewise(VectorOperators.LSHL, MANTISSA_BITS).reinterpretAsFloats();
      // 1 - 2 / (1 + e^y), with the sign of x
      FloatVector large =
          FloatVector.broadcast(SPECIES, 2f).div(series.mul(twoToK).add(1f)).neg().add(1f);
      large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
      x.blend(large, a.compare(VectorOperators.GE, POLYNOMIAL_LIMIT)).intoArray(z, i);
    }
  }
}
