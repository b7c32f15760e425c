package org.glorotsweep.core.data.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real Fashion-MNIST files that Debian's dataset-fashion-mnist package installs. */
class FashionMnistTest {

  private static void assertPixelsAndLabels(LabeledSet set, int size) {
    assertEquals(size, set.size());
    assertEquals(784, set.inputSize());
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    int[] perClass = new int[10];
    for (int row = 0; row < size; row++) {
      perClass[set.label(row)]++;
      for (int p = 0; p < 784; p++) {
        min = Math.min(min, set.feature(row, p));
        max = Math.max(max, set.feature(row, p));
      }
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
    for (int label = 0; label < 10; label++) {
      assertTrue(perClass[label] > size / 20, "class " + label + " has " + perClass[label] + " examples");
    }
  }

  @Test
  void debianFilesLoadWithThePaperSplit() throws IOException {
    Path directory = Path.of(MnistLoader.FASHION_MNIST_DEBIAN_PATH);
    Assumptions.assumeTrue(
        Files.exists(directory.resolve("train-images-idx3-ubyte.gz")),
        "Fashion-MNIST is not installed at " + directory + " (apt-get install dataset-fashion-mnist)");
    DatasetCatalog catalog = DatasetCatalog.local();
    DataSpec spec = DataSpec.named("fashion-mnist");
    assertEquals(new DatasetShape(784, 10), catalog.shape(spec));
    FixedSplitDataset fashion = (FixedSplitDataset) catalog.load(spec);
    assertEquals("fashion-mnist", fashion.name());
    assertTrue(fashion.fingerprint().matches("[0-9a-f]{64}"));
    assertPixelsAndLabels(fashion.training(), 50_000);
    assertPixelsAndLabels(fashion.validation(), 10_000);
    assertPixelsAndLabels(fashion.test(), 10_000);
  }
}
