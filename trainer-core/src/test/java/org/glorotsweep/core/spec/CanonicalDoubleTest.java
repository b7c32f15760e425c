package org.glorotsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The canonical text of a double is the same on every Java version: Java 17's {@code Double.toString} for the
 * values a spec holds (so today's trial ids stay), and Java 19+'s shortest digits where Java 17 printed more.
 */
class CanonicalDoubleTest {
  private static final int JAVA = Runtime.version().feature();

  @Test
  void theValuesSweepsUseAreWrittenAsJavaWritesThem() {
    double[] values = {0.01, 0.1, 1.0, 0.001, 1.0e-4, 3.0e-4, 0.05, 0.5, 2.0, 10.0, 1234.5, 9999999.0, 1.0e7,
        4.0 / 3.0, Math.sqrt(6.0), 0.0, -0.0, -0.25, 1.0e-300, Double.MIN_VALUE, Double.MAX_VALUE};
    for (double value : values) {
      assertEquals(Double.toString(value), CanonicalDouble.format(value), () -> "the canonical text of " + value);
    }
  }

  @Test
  void decimalsOfFewDigitsAndRandomFractionsAreWrittenAsJavaWritesThem() {
    SplittableRandom random = new SplittableRandom(20101);
    for (int i = 0; i < 200_000; i++) {
      double value = i % 2 == 0
          ? random.nextInt(1, 100_000) * Math.pow(10, random.nextInt(-12, 12))
          : random.nextDouble() * Math.pow(10, random.nextInt(-6, 15));
      assertEquals(Double.toString(value), CanonicalDouble.format(value), () -> "the canonical text of " + value);
    }
  }

  @Test
  void whereJava17PrintsMoreDigitsThanNeededTheShortestAreWritten() {
    // Java 17 prints 6.3396916254839368E16 and 2.58890993917772448E17 (JDK-4511638); Java 19+ the shortest
    assertEquals("6.339691625483937E16", CanonicalDouble.format(Double.longBitsToDouble(0x436c27651a273249L)));
    assertEquals("2.5889099391777245E17", CanonicalDouble.format(Double.longBitsToDouble(0x438cbe1fe6002215L)));
  }

  @Test
  void everyDoubleReadsBackAndIsNoLongerThanJavasText() {
    SplittableRandom random = new SplittableRandom(2010);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      String text = CanonicalDouble.format(value);
      assertEquals(value, Double.parseDouble(text), () -> text + " reads back as another double");
      if (JAVA >= 19) {
        // Java 19+ writes the shortest digits nearest the value, as the canonical form does
        assertEquals(Double.toString(value), text, () -> "the canonical text of " + value);
      } else {
        assertTrue(text.length() <= Double.toString(value).length(), () -> text + " is longer than Java's");
      }
    }
  }
}
