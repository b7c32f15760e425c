package org.glorotsweep.core.data.files;

import static org.glorotsweep.core.data.files.DataFileFixtures.images;
import static org.glorotsweep.core.data.files.DataFileFixtures.labels;
import static org.glorotsweep.core.data.files.DataFileFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the driver checks before any trial runs ({@link DatasetCatalog#shape}): broken files are refused there,
 * naming the file, what was expected and the data set option at fault, not first met by an executor's trial.
 */
class UpFrontChecksTest {
  @TempDir Path directory;

  private final DatasetCatalog catalog = DatasetCatalog.local();

  private DataSpec mnist(String validationSize) {
    return new DataSpec(
        "mnist", new TreeMap<>(Map.of("path", directory.toString(), "validation_size", validationSize)));
  }

  private DataSpec cifar(String validationSize) {
    return new DataSpec(
        "cifar10", new TreeMap<>(Map.of("path", directory.toString(), "validation_size", validationSize)));
  }

  private DataSpec idx(String classes) {
    TreeMap<String, String> options = new TreeMap<>(Map.of("path", directory.toString(), "classes", classes));
    for (String split : new String[] {"train", "validation", "test"}) {
      options.put(split + "_images", split + "-x.idx");
      options.put(split + "_labels", split + "-y.idx");
    }
    return new DataSpec("idx", options);
  }

  private void writeIdxSet() {
    for (String split : new String[] {"train", "validation", "test"}) {
      write(directory.resolve(split + "-x.idx"), images(12, 4, 4), false);
      write(directory.resolve(split + "-y.idx"), labels(12, 3), false);
    }
  }

  /** shape(spec) fails naming {@code file}, saying {@code problem}, attributed to {@code option}. */
  private DataFileException assertRefused(DataSpec spec, Path file, String problem, String option) {
    DataFileException error = assertThrows(DataFileException.class, () -> catalog.shape(spec));
    assertEquals(file.toString(), error.location());
    assertTrue(error.getMessage().contains(problem), "says '" + problem + "': " + error.getMessage());
    assertEquals(Optional.of(option), error.option());
    assertTrue(error.isDeterministic(), "a broken file stays broken: " + error.getMessage());
    return error;
  }

  @Test
  void wellFormedFilesPass() throws IOException {
    DataFileFixtures.writeMnist(directory, 20, 10, true);
    assertEquals(new DatasetShape(784, 10), catalog.shape(mnist("5")));
    DataFileFixtures.writeCifar(directory, 3, 2);
    assertEquals(new DatasetShape(3072, 10), catalog.shape(cifar("3")));
    writeIdxSet();
    assertEquals(new DatasetShape(16, 3), catalog.shape(idx("3")));
  }

  @Test
  void truncatedImagesFileIsRefused() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = images(20, 28, 28);
    Path file = directory.resolve("train-images-idx3-ubyte");
    write(file, Arrays.copyOf(bytes, bytes.length - 100), false);
    assertRefused(
        mnist("5"), file, "truncated: the header declares 20x28x28 unsigned bytes (15680 bytes) but only 15580",
        "path");
  }

  @Test
  void truncatedGzipImagesFileIsRefused() throws IOException {
    DataFileFixtures.writeMnist(directory, 20, 10, true);
    Path file = directory.resolve("t10k-images-idx3-ubyte.gz");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(mnist("5"), file, "truncated or corrupt gzip data", "path");
  }

  @Test
  void imagesFileLongerThanItsHeaderIsRefused() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = images(10, 28, 28);
    Path file = directory.resolve("t10k-images-idx3-ubyte");
    write(file, Arrays.copyOf(bytes, bytes.length + 784), false);
    assertRefused(mnist("5"), file, "784 bytes follow the 7840 data bytes the header declares", "path");
  }

  @Test
  void labelOutsideTheClassesIsRefused() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = labels(10, 10);
    bytes[8 + 7] = 10;
    Path file = directory.resolve("t10k-labels-idx1-ubyte");
    write(file, bytes, false);
    assertRefused(mnist("5"), file, "label 10 of example 7 is outside 0..9", "path");
  }

  @Test
  void mismatchedImageAndLabelCountsAreRefused() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    Path file = directory.resolve("train-labels-idx1-ubyte");
    write(file, labels(19, 10), false);
    assertRefused(mnist("5"), file, "holds 19 labels, but the images file", "path");
  }

  @Test
  void validationSizeNotBelowTheTrainingCountIsRefused() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    assertRefused(
        mnist("20"), directory.resolve("train-images-idx3-ubyte"),
        "holds 20 training examples; the split needs more than validation_size = 20", "validation_size");
    DataFileFixtures.writeCifar(directory, 3, 2);
    assertRefused(
        cifar("15"), directory.resolve("data_batch_1.bin"),
        "holds 15 training examples; the split needs more than validation_size = 15", "validation_size");
  }

  @Test
  void cifarBatchOfPartRecordsIsRefused() {
    DataFileFixtures.writeCifar(directory, 3, 2);
    Path file = directory.resolve("data_batch_4.bin");
    write(file, Arrays.copyOf(DataFileFixtures.cifarBatch(0, 3), 3 * CifarBatch.RECORD_BYTES - 1), false);
    assertRefused(cifar("3"), file, "is 9218 bytes long, expected a positive multiple of 3073", "path");
  }

  @Test
  void idxProblemsNameTheOptionOfTheFile() {
    writeIdxSet();
    Path validationImages = directory.resolve("validation-x.idx");
    byte[] bytes = images(12, 4, 4);
    write(validationImages, Arrays.copyOf(bytes, bytes.length - 1), false);
    assertRefused(idx("3"), validationImages, "truncated", "validation_images");

    writeIdxSet();
    Path testLabels = directory.resolve("test-y.idx");
    write(testLabels, labels(11, 3), false);
    assertRefused(idx("3"), testLabels, "holds 11 labels", "test_labels");

    writeIdxSet();
    assertRefused(idx("2"), directory.resolve("train-y.idx"), "label 2 of example 2 is outside 0..1", "classes");
  }

  @Test
  void onlyTheFileSystemsOwnFailuresMayPassOnARetry() {
    assertTrue(new DataFileException("f", new FileNotFoundException("f")).isDeterministic());
    assertTrue(new DataFileException("f", new java.io.EOFException("end")).isDeterministic());
    assertFalse(new DataFileException("f", new SocketTimeoutException("read timed out")).isDeterministic());
    DataFileException attributed = new DataFileException("f", "bad").withOption("path");
    assertEquals(Optional.of("path"), attributed.withOption("classes").option());
    assertEquals("f: bad", attributed.getMessage());
  }
}
