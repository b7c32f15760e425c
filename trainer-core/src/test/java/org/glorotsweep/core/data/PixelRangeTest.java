package org.glorotsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PixelRangeTest {

  @Test
  void greysMapToTheirRanges() {
    assertEquals(-1f, PixelRange.MINUS_ONE_TO_ONE.value(0));
    assertEquals(1f, PixelRange.MINUS_ONE_TO_ONE.value(255));
    assertEquals((float) (2 * 140 / 255.0 - 1), PixelRange.MINUS_ONE_TO_ONE.value(140));
    assertEquals(0f, PixelRange.ZERO_TO_ONE.value(0));
    assertEquals(0.2f, PixelRange.ZERO_TO_ONE.value(51));
    assertEquals(1f, PixelRange.ZERO_TO_ONE.value(255));
  }

  @Test
  void scaleReadsBytesAsUnsigned() {
    float[] out = new float[3];
    PixelRange.ZERO_TO_ONE.scale(new byte[] {9, (byte) 255, (byte) 128, 0}, 1, out, 0, 3);
    assertArrayEquals(new float[] {1f, 128 / 255f, 0f}, out);
  }
}
