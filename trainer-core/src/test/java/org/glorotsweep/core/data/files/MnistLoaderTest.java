package org.glorotsweep.core.data.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {
  @TempDir Path raw;
  @TempDir Path gzipped;

  private final MnistLoader loader = MnistLoader.mnist(new LocalFileOpener());

  private static DataSpec spec(Path directory) {
    return new DataSpec("mnist", new TreeMap<>(Map.of("path", directory.toString(), "validation_size", "10")));
  }

  @Test
  void splitsTheTrainingFileIntoTrainingThenTheLastExamplesForValidation() throws IOException {
    DataFileFixtures.writeMnist(raw, 30, 12, false);
    FixedSplitDataset mnist = (FixedSplitDataset) loader.load(spec(raw));
    assertEquals(784, mnist.inputSize());
    assertEquals(10, mnist.classes());
    LabeledSet training = mnist.training();
    assertEquals(20, training.size());
    assertEquals(10, mnist.validation().size());
    assertEquals(12, mnist.test().size());
    DataFileFixtures.assertIsExample(training, 0, 0);
    DataFileFixtures.assertIsExample(training, 19, 19);
    DataFileFixtures.assertIsExample(mnist.validation(), 0, 20);
    DataFileFixtures.assertIsExample(mnist.validation(), 9, 29);
    DataFileFixtures.assertIsExample(mnist.test(), 11, 11);
  }

  @Test
  void gzippedAndRawFilesGiveTheSameDataAndFingerprint() throws IOException {
    DataFileFixtures.writeMnist(raw, 30, 12, false);
    DataFileFixtures.writeMnist(gzipped, 30, 12, true);
    Dataset fromRaw = loader.load(spec(raw));
    Dataset fromGzip = loader.load(spec(gzipped));
    assertEquals(fromRaw.fingerprint(), fromGzip.fingerprint());
    assertTrue(fromRaw.fingerprint().matches("[0-9a-f]{64}"), fromRaw.fingerprint());
    for (int row = 0; row < 12; row++) {
      for (int p = 0; p < 784; p++) {
        assertEquals(fromRaw.test().feature(row, p), fromGzip.test().feature(row, p));
      }
    }
  }

  @Test
  void fingerprintFollowsTheBytesAndTheSplit() throws IOException {
    DataFileFixtures.writeMnist(raw, 30, 12, false);
    String original = loader.load(spec(raw)).fingerprint();
    DataSpec otherSplit = new DataSpec("mnist", new TreeMap<>(Map.of("path", raw.toString(), "validation_size", "11")));
    assertNotEquals(original, loader.load(otherSplit).fingerprint());
    DataFileFixtures.write(raw.resolve("t10k-labels-idx1-ubyte"), DataFileFixtures.labels(12, 9), false);
    assertNotEquals(original, loader.load(spec(raw)).fingerprint());
  }

  @Test
  void shapeReadsHeadersAndChecksEveryFileIsThere() throws IOException {
    DataFileFixtures.writeMnist(raw, 30, 12, true);
    assertEquals(new DatasetShape(784, 10), loader.shape(spec(raw)));
    Files.delete(raw.resolve("t10k-images-idx3-ubyte.gz"));
    IOException missing = assertThrows(IOException.class, () -> loader.shape(spec(raw)));
    assertTrue(missing.getMessage().contains("t10k-images-idx3-ubyte"), missing.getMessage());
  }

  @Test
  void mnistNeedsAPath() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> loader.shape(DataSpec.named("mnist")));
    assertTrue(error.getMessage().startsWith("data.options.path: missing"), error.getMessage());
  }
}
