package org.glorotsweep.core.data.shapeset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.PixelRange;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.Test;

class ShapesetDatasetTest {
  private static final int PIXELS = ShapesetGenerator.PIXELS;

  private static ShapesetDataset dataset(int trainingSize) {
    return new ShapesetDataset(new ShapesetOptions(11, trainingSize, 300, 300, PixelRange.MINUS_ONE_TO_ONE));
  }

  private static DataSpec spec(Map<String, String> options) {
    return new DataSpec("shapeset", new TreeMap<>(options));
  }

  /** Every image of {@code set}, as content-compared buffers. */
  private static Set<FloatBuffer> imagesOf(LabeledSet set) {
    Set<FloatBuffer> images = new HashSet<>();
    float[] row = new float[PIXELS];
    int[] label = new int[1];
    for (int i = 0; i < set.size(); i++) {
      set.copyRow(i, row, label, 0);
      images.add(FloatBuffer.wrap(row.clone()));
    }
    return images;
  }

  @Test
  void optionsHaveThePapersDefaults() {
    assertEquals(ShapesetOptions.defaults(0), ShapesetOptions.from(DataSpec.named("shapeset")));
    ShapesetOptions options =
        ShapesetOptions.from(
            spec(Map.of("data_seed", "-4", "training_size", "100000", "validation_size", "7", "test_size", "8",
                "pixel_range", "zero_to_one")));
    assertEquals(new ShapesetOptions(-4, 100_000, 7, 8, PixelRange.ZERO_TO_ONE), options);
  }

  @Test
  void unknownOptionIsNamedWithTheAllowedOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ShapesetOptions.from(spec(Map.of("seed", "1"))));
    assertEquals(
        "data.options.seed: unknown option for data set 'shapeset'; allowed: data_seed, pixel_range, test_size, "
            + "training_size, validation_size",
        error.getMessage());
  }

  @Test
  void malformedValuesAreNamed() {
    assertEquals(
        "data.options.training_size: '-1' is not allowed; expected an integer from 0 to 2147483647",
        assertThrows(IllegalArgumentException.class, () -> ShapesetOptions.from(spec(Map.of("training_size", "-1"))))
            .getMessage());
    assertEquals(
        "data.options.data_seed: 'x' is not allowed; expected an integer",
        assertThrows(IllegalArgumentException.class, () -> ShapesetOptions.from(spec(Map.of("data_seed", "x"))))
            .getMessage());
    assertEquals(
        "data.options.pixel_range: '[0,1]' is not allowed; expected one of minus_one_to_one, zero_to_one",
        assertThrows(IllegalArgumentException.class, () -> ShapesetOptions.from(spec(Map.of("pixel_range", "[0,1]"))))
            .getMessage());
  }

  @Test
  void heldOutSetsAreFixedAndDistinct() {
    ShapesetDataset one = dataset(0);
    ShapesetDataset again = dataset(0);
    assertEquals(1024, one.inputSize());
    assertEquals(9, one.classes());
    assertEquals(300, one.validation().size());
    assertEquals(300, one.test().size());
    assertEquals(imagesOf(one.validation()), imagesOf(again.validation()));
    Set<FloatBuffer> validation = imagesOf(one.validation());
    validation.retainAll(imagesOf(one.test()));
    assertTrue(validation.isEmpty(), "validation and test share " + validation.size() + " images");
  }

  @Test
  void fingerprintFollowsVersionAndOptions() {
    String fingerprint = dataset(0).fingerprint();
    assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
    assertEquals(fingerprint, dataset(0).fingerprint());
    assertNotEquals(fingerprint, dataset(100).fingerprint());
    assertNotEquals(
        fingerprint,
        new ShapesetDataset(new ShapesetOptions(12, 0, 300, 300, PixelRange.MINUS_ONE_TO_ONE)).fingerprint());
    ShapesetOptions options = dataset(0).options();
    assertEquals(fingerprint, ShapesetDataset.fingerprint(options, ShapesetGenerator.VERSION));
    assertNotEquals(fingerprint, ShapesetDataset.fingerprint(options, ShapesetGenerator.VERSION - 1));
  }

  @Test
  void onlineStreamIdsNeverMeetTheReservedStreams() {
    SplittableRandom random = new SplittableRandom(5);
    for (long bits : new long[] {0, 1, 2, -1, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong(), random.nextLong()}) {
      long id = ShapesetDataset.onlineStreamId(bits);
      assertTrue(id < 0, "id " + id);
      assertTrue(id != ShapesetDataset.VALIDATION_STREAM && id != ShapesetDataset.TEST_STREAM
          && id != ShapesetDataset.FIXED_TRAINING_STREAM);
    }
    OnlineShapesetStream stream = (OnlineShapesetStream) dataset(0).trainingStream(new SplittableRandom(9));
    assertTrue(stream.stream() < 0);
  }

  @Test
  void onlineTrainingNeverRepeatsNorTouchesHeldOutImages() {
    ShapesetDataset shapeset = dataset(0);
    Set<FloatBuffer> seen = new HashSet<>(imagesOf(shapeset.validation()));
    seen.addAll(imagesOf(shapeset.test()));
    int heldOut = seen.size();
    float[] batch = new float[10 * PIXELS];
    int[] labels = new int[10];
    int drawn = 0;
    for (long trial = 0; trial < 2; trial++) {
      TrainingStream stream = shapeset.trainingStream(new SplittableRandom(trial));
      for (int update = 0; update < 150; update++) {
        assertEquals(10, stream.nextBatch(10, batch, labels));
        for (int row = 0; row < 10; row++) {
          seen.add(FloatBuffer.wrap(Arrays.copyOfRange(batch, row * PIXELS, (row + 1) * PIXELS)));
          drawn++;
        }
      }
    }
    assertEquals(heldOut + drawn, seen.size());
  }

  @Test
  void sameDataOrderGivesTheSameBatches() {
    ShapesetDataset shapeset = dataset(0);
    float[] a = new float[10 * PIXELS];
    float[] b = new float[10 * PIXELS];
    int[] labelsA = new int[10];
    int[] labelsB = new int[10];
    TrainingStream first = shapeset.trainingStream(new SplittableRandom(42));
    TrainingStream second = shapeset.trainingStream(new SplittableRandom(42));
    for (int update = 0; update < 5; update++) {
      first.nextBatch(10, a, labelsA);
      second.nextBatch(10, b, labelsB);
      assertArrayEquals(a, b);
      assertArrayEquals(labelsA, labelsB);
    }
  }

  @Test
  void finiteModeCyclesShuffledEpochsWithAShortLastBatch() {
    ShapesetDataset shapeset = dataset(25);
    TrainingStream stream = shapeset.trainingStream(new SplittableRandom(3));
    float[] batch = new float[10 * PIXELS];
    int[] labels = new int[10];
    List<List<FloatBuffer>> epochs = List.of(new ArrayList<>(), new ArrayList<>());
    for (List<FloatBuffer> epoch : epochs) {
      for (int expectedRows : new int[] {10, 10, 5}) {
        assertEquals(expectedRows, stream.nextBatch(10, batch, labels));
        for (int row = 0; row < expectedRows; row++) {
          epoch.add(FloatBuffer.wrap(Arrays.copyOfRange(batch, row * PIXELS, (row + 1) * PIXELS)));
        }
      }
    }
    Set<FloatBuffer> firstEpoch = new HashSet<>(epochs.get(0));
    assertEquals(25, firstEpoch.size());
    assertEquals(firstEpoch, new HashSet<>(epochs.get(1)));
    assertNotEquals(epochs.get(0), epochs.get(1), "the second epoch repeats the first one's order");
    Set<FloatBuffer> heldOut = imagesOf(shapeset.validation());
    heldOut.addAll(imagesOf(shapeset.test()));
    heldOut.retainAll(firstEpoch);
    assertTrue(heldOut.isEmpty());
  }
}
