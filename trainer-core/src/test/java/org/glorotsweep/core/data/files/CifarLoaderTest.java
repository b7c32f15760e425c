package org.glorotsweep.core.data.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarLoaderTest {
  @TempDir Path directory;

  private final CifarLoader loader = new CifarLoader(new LocalFileOpener());

  private DataSpec spec() {
    return new DataSpec("cifar10", new TreeMap<>(Map.of("path", directory.toString(), "validation_size", "4")));
  }

  @Test
  void validationIsTheLastRecordsOfTheFiveTrainingBatches() throws IOException {
    DataFileFixtures.writeCifar(directory, 3, 2);
    FixedSplitDataset cifar = (FixedSplitDataset) loader.load(spec());
    assertEquals(3072, cifar.inputSize());
    assertEquals(10, cifar.classes());
    assertEquals(11, cifar.training().size());
    assertEquals(4, cifar.validation().size());
    assertEquals(2, cifar.test().size());
    DataFileFixtures.assertIsExample(cifar.training(), 0, 0);
    DataFileFixtures.assertIsExample(cifar.training(), 10, 10);
    DataFileFixtures.assertIsExample(cifar.validation(), 0, 11);
    DataFileFixtures.assertIsExample(cifar.validation(), 3, 14);
    DataFileFixtures.assertIsExample(cifar.test(), 1, 1);
  }

  @Test
  void shapeChecksThatTheSixFilesExist() throws IOException {
    DataFileFixtures.writeCifar(directory, 3, 2);
    assertEquals(new DatasetShape(3072, 10), loader.shape(spec()));
    Files.delete(directory.resolve("data_batch_4.bin"));
    IOException missing = assertThrows(IOException.class, () -> loader.shape(spec()));
    assertTrue(missing.getMessage().contains(directory.resolve("data_batch_4.bin") + ": file not found"), missing.getMessage());
  }
}
