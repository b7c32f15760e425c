package org.glorotsweep.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.glorotsweep.core.choice.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link FloatVectorActivations} and its generated twin {@link DoubleVectorActivations} against the scalar
 * functions of {@link Activation} on {@link StrictMath}, rounded once to float32 for float32 (sigmoid in the
 * form e^x / (1 + e^x) for x &lt; 0, where 1 / (1 + e^{-x}) overflows to 0 below -709 in float64): the stated ulp
 * bound over the whole range of each precision, the limits at the specials, and the same bits for an element
 * wherever it sits in the array (vector body or masked tail) and however long the array is.
 */
class VectorActivationsTest {
  /** The bound FloatVectorActivations states, in ulp of the reference, in both precisions. */
  private static double ulpBound(Activation f) {
    return switch (f) {
      case TANH -> 3.0;
      case SIGMOID -> 2.0;
      case SOFTSIGN -> 1.0;
      default -> throw new IllegalArgumentException(f + " has no vectorised function");
    };
  }

  @ParameterizedTest
  @EnumSource(names = {"TANH", "SIGMOID", "SOFTSIGN"})
  void float32WithinTheBoundOverEveryFloat(Activation f) {
    // every 509th bit pattern from 0 to the largest float, both signs, and random arguments in [-40, 40]
    int patterns = Float.floatToRawIntBits(Float.MAX_VALUE) / 509 + 1;
    float[] s = new float[2 * patterns + 100_000];
    int n = 0;
    for (int i = 0; i < patterns; i++) {
      s[n++] = Float.intBitsToFloat(i * 509);
      s[n++] = -Float.intBitsToFloat(i * 509);
    }
    SplittableRandom random = new SplittableRandom(7);
    while (n < s.length) {
      s[n++] = (float) random.nextDouble(-40.0, 40.0);
    }
    float[] z = new float[s.length];
    FloatVectorActivations.functions().get(f).apply(s, z, s.length);
    double worst = 0;
    float worstAt = 0;
    for (int i = 0; i < s.length; i++) {
      float reference = (float) reference(f, s[i]);
      double error = Math.abs((double) z[i] - reference) / Math.ulp(reference);
      if (error > worst) {
        worst = error;
        worstAt = s[i];
      }
    }
    assertTrue(worst <= ulpBound(f), f + ": " + worst + " ulp at " + worstAt);
  }

  @ParameterizedTest
  @EnumSource(names = {"TANH", "SIGMOID", "SOFTSIGN"})
  void float64WithinTheBoundOverTheWholeRange(Activation f) {
    // random bit patterns (every exponent equally likely), random arguments in [-40, 40], and in [-750, 750]
    SplittableRandom random = new SplittableRandom(5);
    double[] s = new double[900_000];
    for (int i = 0; i < s.length; i++) {
      s[i] = switch (i % 3) {
        case 0 -> randomFiniteDouble(random);
        case 1 -> random.nextDouble(-40.0, 40.0);
        default -> random.nextDouble(-750.0, 750.0);
      };
    }
    double[] z = new double[s.length];
    DoubleVectorActivations.functions().get(f).apply(s, z, s.length);
    double worst = 0;
    double worstAt = 0;
    for (int i = 0; i < s.length; i++) {
      double reference = reference(f, s[i]);
      double error = Math.abs(z[i] - reference) / Math.ulp(reference);
      if (error > worst) {
        worst = error;
        worstAt = s[i];
      }
    }
    assertTrue(worst <= ulpBound(f), f + ": " + worst + " ulp at " + worstAt);
  }

  private static double reference(Activation f, double x) {
    if (f == Activation.SIGMOID && x < 0) {
      double e = StrictMath.exp(x);
      return e / (1 + e);
    }
    return f.apply(x);
  }

  private static double randomFiniteDouble(SplittableRandom random) {
    double x;
    do {
      x = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(x));
    return x;
  }

  @ParameterizedTest
  @EnumSource(names = {"TANH", "SIGMOID", "SOFTSIGN"})
  void specialValuesGiveTheLimits(Activation f) {
    double[] s = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE};
    double[] z = new double[s.length];
    DoubleVectorActivations.functions().get(f).apply(s, z, s.length);
    float[] s32 = new float[s.length];
    for (int i = 0; i < s.length; i++) {
      s32[i] = (float) s[i];
    }
    s32[5] = Float.MAX_VALUE;
    s32[6] = -Float.MAX_VALUE;
    s32[7] = Float.MIN_VALUE;
    s32[8] = -Float.MIN_VALUE;
    float[] z32 = new float[s32.length];
    FloatVectorActivations.functions().get(f).apply(s32, z32, s32.length);
    boolean odd = f != Activation.SIGMOID;
    double atZero = odd ? 0.0 : 0.5;
    double[] expected = {Double.NaN, atZero, odd ? -0.0 : 0.5, 1.0, odd ? -1.0 : 0.0, 1.0, odd ? -1.0 : 0.0};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], z[i], f + "(" + s[i] + ") in float64");  // assertEquals tells 0.0 from -0.0
      assertEquals((float) expected[i], z32[i], f + "(" + s32[i] + ") in float32");
    }
    // the smallest subnormals: x itself for the odd functions, 1/2 for sigmoid
    assertEquals(odd ? Double.MIN_VALUE : 0.5, z[7], f + "(MIN_VALUE)");
    assertEquals(odd ? -Double.MIN_VALUE : 0.5, z[8], f + "(-MIN_VALUE)");
    assertEquals(odd ? Float.MIN_VALUE : 0.5f, z32[7], f + "(MIN_VALUE) in float32");
    assertEquals(odd ? -Float.MIN_VALUE : 0.5f, z32[8], f + "(-MIN_VALUE) in float32");
  }

  @ParameterizedTest
  @EnumSource(names = {"TANH", "SIGMOID", "SOFTSIGN"})
  void anElementGivesTheSameBitsAtAnyPositionAndInPlace(Activation f) {
    SplittableRandom random = new SplittableRandom(11);
    float[] s32 = new float[10 * 1000 + 7];
    double[] s = new double[s32.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = random.nextDouble(-8.0, 8.0);
      s32[i] = (float) s[i];
    }
    float[] whole32 = new float[s32.length];
    FloatVectorActivations.functions().get(f).apply(s32, whole32, s32.length);
    double[] whole = new double[s.length];
    DoubleVectorActivations.functions().get(f).apply(s, whole, s.length);
    // every shift of the array by 0..LANES elements puts each element in another lane, or into the tail
    for (int shift = 0; shift <= FloatVectorMatMul.LANES; shift++) {
      int count = s.length - shift;
      float[] shifted32 = new float[count];
      System.arraycopy(s32, shift, shifted32, 0, count);
      FloatVectorActivations.functions().get(f).apply(shifted32, shifted32, count);
      float[] expected32 = new float[count];
      System.arraycopy(whole32, shift, expected32, 0, count);
      assertArrayEquals(expected32, shifted32, f + " float32, shifted by " + shift);
      double[] shifted = new double[count];
      System.arraycopy(s, shift, shifted, 0, count);
      DoubleVectorActivations.functions().get(f).apply(shifted, shifted, count);
      double[] expected = new double[count];
      System.arraycopy(whole, shift, expected, 0, count);
      assertArrayEquals(expected, shifted, f + " float64, shifted by " + shift);
    }
  }
}
