package org.glorotsweep.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link VectorTanh} against the correctly rounded {@code (float) Math.tanh}: error, specials, determinism. */
class VectorTanhTest {
  private static final int LANES = FloatVectorMatMul.LANES;

  @Test
  void withinTwoUlpOfTheRoundedTanhEverywhere() {
    // every 64th float from 2^-40 to 32, both signs, plus random arguments in the working range
    int from = Float.floatToRawIntBits(0x1p-40f);
    int to = Float.floatToRawIntBits(32f);
    int count = (to - from) / 64 + 1;
    float[] s = new float[2 * count + 4096];
    int n = 0;
    for (int bits = from; bits <= to; bits += 64) {
      s[n++] = Float.intBitsToFloat(bits);
      s[n++] = -Float.intBitsToFloat(bits);
    }
    SplittableRandom random = new SplittableRandom(3);
    while (n < s.length) {
      s[n++] = (float) random.nextDouble(-4.0, 4.0);
    }
    float[] z = new float[s.length];
    VectorTanh.apply(s, z, s.length);
    double worst = 0;
    for (int i = 0; i < s.length; i++) {
      float exact = (float) Math.tanh(s[i]);
      worst = Math.max(worst, Math.abs(z[i] - exact) / Math.ulp(exact));
    }
    assertTrue(worst <= 2.0, "max error " + worst + " ulp");
  }

  @Test
  void specialValues() {
    float[] s = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, -1e-30f,
        Float.MIN_VALUE, 0.625f, -0.625f, 0.62499994f, 9.1f, 100f, -100f, 20f, -20f};
    float[] expected = new float[s.length];
    for (int i = 0; i < s.length; i++) {
      expected[i] = (float) Math.tanh(s[i]);
    }
    float[] padded = new float[LANES * ((s.length + LANES - 1) / LANES)];
    System.arraycopy(s, 0, padded, 0, s.length);
    float[] z = new float[padded.length];
    VectorTanh.apply(padded, z, padded.length);
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(z[0]), "tanh(+0) = +0");
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(z[1]), "tanh(-0) = -0");
    assertTrue(Float.isNaN(z[2]), "tanh(NaN) = NaN");
    for (int i = 3; i < s.length; i++) {
      assertTrue(Math.abs(z[i] - expected[i]) <= 2 * Math.ulp(expected[i]), "tanh(" + s[i] + ") = " + z[i]);
    }
  }

  @Test
  void inPlaceAndRepeatedCallsGiveTheSameBits() {
    SplittableRandom random = new SplittableRandom(11);
    float[] s = new float[10 * 1000 + 7];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) random.nextDouble(-6.0, 6.0);
    }
    float[] once = new float[s.length];
    VectorTanh.apply(s, once, s.length);
    for (int repeat = 0; repeat < 20; repeat++) {
      float[] inPlace = s.clone();
      VectorTanh.apply(inPlace, inPlace, inPlace.length);
      assertArrayEquals(once, inPlace);
    }
  }
}
