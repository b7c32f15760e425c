package org.glorotsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffledEpochStreamTest {
  private static final int SIZE = 23;

  /** Example i has the single feature i and label i mod 3. */
  private static ShuffledEpochStream stream(long seed) {
    return new ShuffledEpochStream(
        SIZE,
        (example, features, labels, row) -> {
          features[row] = example;
          labels[row] = example % 3;
        },
        new SplittableRandom(seed));
  }

  /** The order of one epoch: batches of 5 rows, the last one short (23 = 4 x 5 + 3). */
  private static int[] epoch(ShuffledEpochStream stream) {
    int[] order = new int[SIZE];
    float[] features = new float[5];
    int[] labels = new int[5];
    int filled = 0;
    for (int expected : new int[] {5, 5, 5, 5, 3}) {
      assertEquals(expected, stream.nextBatch(5, features, labels));
      for (int row = 0; row < expected; row++) {
        order[filled] = (int) features[row];
        assertEquals(order[filled] % 3, labels[row]);
        filled++;
      }
    }
    return order;
  }

  @Test
  void everyEpochIsAFreshPermutationWithAShortLastBatch() {
    ShuffledEpochStream stream = stream(1);
    int[] first = epoch(stream);
    int[] second = epoch(stream);
    int[] identity = new int[SIZE];
    Arrays.setAll(identity, i -> i);
    assertArrayEquals(identity, Arrays.stream(first).sorted().toArray());
    assertArrayEquals(identity, Arrays.stream(second).sorted().toArray());
    assertFalse(Arrays.equals(first, second));
    assertFalse(Arrays.equals(identity, first));
  }

  @Test
  void theOrderIsAFunctionOfTheSeed() {
    assertArrayEquals(epoch(stream(7)), epoch(stream(7)));
    assertFalse(Arrays.equals(epoch(stream(7)), epoch(stream(8))));
  }

  @Test
  void rejectsEmptySetsAndBatches() {
    assertThrows(IllegalArgumentException.class, () -> stream(1).nextBatch(0, new float[1], new int[1]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ShuffledEpochStream(0, (example, features, labels, row) -> {}, new SplittableRandom(1)));
  }
}
