package org.glorotsweep.core.data.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxSetLoaderTest {
  @TempDir Path directory;

  private final IdxSetLoader loader = new IdxSetLoader(new LocalFileOpener());

  @BeforeEach
  void writeFiles() {
    DataFileFixtures.write(directory.resolve("train-x.idx"), DataFileFixtures.images(12, 5, 3), false);
    DataFileFixtures.write(directory.resolve("train-y.idx"), DataFileFixtures.labels(12, 4), true);
    DataFileFixtures.write(directory.resolve("valid-x.idx"), DataFileFixtures.images(6, 5, 3), true);
    DataFileFixtures.write(directory.resolve("valid-y.idx"), DataFileFixtures.labels(6, 3), false);
    DataFileFixtures.write(directory.resolve("test-x.idx"), DataFileFixtures.images(5, 5, 3), false);
    DataFileFixtures.write(directory.resolve("test-y.idx"), DataFileFixtures.labels(5, 2), false);
  }

  private DataSpec spec(Map<String, String> extra) {
    TreeMap<String, String> options = new TreeMap<>(extra);
    options.put("path", directory.toString());
    options.put("train_images", "train-x.idx");
    options.put("train_labels", "train-y.idx");
    options.put("validation_images", "valid-x.idx");
    options.put("validation_labels", "valid-y.idx");
    options.put("test_images", "test-x.idx");
    options.put("test_labels", "test-y.idx");
    return new DataSpec("idx", options);
  }

  @Test
  void flattensImagesAndInfersTheClassesFromTheLargestLabel() throws IOException {
    FixedSplitDataset set = (FixedSplitDataset) loader.load(spec(Map.of()));
    assertEquals(15, set.inputSize());
    assertEquals(4, set.classes());
    assertEquals(12, set.training().size());
    assertEquals(6, set.validation().size());
    assertEquals(5, set.test().size());
    assertEquals(DataFileFixtures.grey(7, 14) / 255f, set.training().feature(7, 14));
    assertEquals(3, set.training().label(7));
    assertEquals(new DatasetShape(15, 4), loader.shape(spec(Map.of())));
  }

  @Test
  void classesOptionSetsK() throws IOException {
    assertEquals(6, loader.load(spec(Map.of("classes", "6"))).classes());
    assertEquals(new DatasetShape(15, 6), loader.shape(spec(Map.of("classes", "6"))));
  }

  @Test
  void labelsAtOrAboveTheGivenClassesAreRejected() {
    IOException error = assertThrows(IOException.class, () -> loader.load(spec(Map.of("classes", "3"))));
    assertTrue(
        error.getMessage().contains(directory.resolve("train-y.idx") + ": label 3 of example 3 is outside 0..2"),
        error.getMessage());
  }

  @Test
  void splitsMustShareTheImageShape() {
    DataFileFixtures.write(directory.resolve("test-x.idx"), DataFileFixtures.images(5, 15), false);
    IOException error = assertThrows(IOException.class, () -> loader.load(spec(Map.of())));
    assertTrue(
        error.getMessage().contains(directory.resolve("test-x.idx") + ": holds images of shape [15], but the training images"),
        error.getMessage());
  }

  @Test
  void everyFileOptionIsRequired() {
    TreeMap<String, String> options = new TreeMap<>(spec(Map.of()).options());
    options.remove("validation_labels");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> loader.load(new DataSpec("idx", options)));
    assertTrue(error.getMessage().startsWith("data.options.validation_labels: missing"), error.getMessage());
  }
}
