package org.glorotsweep.core.data.files;

import static org.glorotsweep.core.data.files.DataFileFixtures.idx;
import static org.glorotsweep.core.data.files.DataFileFixtures.images;
import static org.glorotsweep.core.data.files.DataFileFixtures.labels;
import static org.glorotsweep.core.data.files.DataFileFixtures.write;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input fails at load time with a message naming the file and what is wrong. */
class BadInputTest {
  @TempDir Path directory;

  private final DatasetCatalog catalog = DatasetCatalog.local();

  private DataSpec mnist() {
    return new DataSpec("mnist", new TreeMap<>(Map.of("path", directory.toString(), "validation_size", "5")));
  }

  private DataSpec cifar() {
    return new DataSpec("cifar10", new TreeMap<>(Map.of("path", directory.toString(), "validation_size", "4")));
  }

  private Path mnistFile(String name) {
    return directory.resolve(name);
  }

  /** Loads {@code spec}, expecting an IOException whose message names {@code file} and says {@code problem}. */
  private void assertFails(DataSpec spec, Path file, String problem) {
    IOException error = assertThrows(IOException.class, () -> catalog.load(spec));
    assertTrue(error.getMessage().contains(file.toString()), "names the file: " + error.getMessage());
    assertTrue(error.getMessage().contains(problem), "says '" + problem + "': " + error.getMessage());
  }

  @Test
  void missingFileIsNamed() throws IOException {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    Files.delete(mnistFile("t10k-labels-idx1-ubyte"));
    assertFails(mnist(), mnistFile("t10k-labels-idx1-ubyte"), "file not found");
  }

  @Test
  void wrongMagicNumberIsNamed() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = images(20, 28, 28);
    bytes[1] = 0x01;
    write(mnistFile("train-images-idx3-ubyte"), bytes, false);
    assertFails(mnist(), mnistFile("train-images-idx3-ubyte"), "not an IDX file: magic number 0x00010803");
  }

  @Test
  void unsupportedElementTypeIsNamed() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    write(mnistFile("train-images-idx3-ubyte"), idx(0x0d, new int[] {20, 28, 28}, new byte[4 * 20 * 784]), false);
    assertFails(mnist(), mnistFile("train-images-idx3-ubyte"), "element type 0x0d (float32) is not supported");
  }

  @Test
  void imageDimensionsOtherThanMnistsAreRejected() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    write(mnistFile("t10k-images-idx3-ubyte"), images(10, 27, 28), false);
    assertFails(mnist(), mnistFile("t10k-images-idx3-ubyte"), "declares images of 10x27x28, expected N x 28 x 28");
  }

  @Test
  void dataLongerThanTheDeclaredDimensionsIsRejected() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = images(20, 28, 28);
    write(mnistFile("train-images-idx3-ubyte"), Arrays.copyOf(bytes, bytes.length + 784), false);
    assertFails(mnist(), mnistFile("train-images-idx3-ubyte"), "784 bytes follow the 15680 data bytes");
  }

  @Test
  void truncatedDataIsRejected() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = images(20, 28, 28);
    write(mnistFile("train-images-idx3-ubyte"), Arrays.copyOf(bytes, bytes.length - 100), false);
    assertFails(mnist(), mnistFile("train-images-idx3-ubyte"), "truncated: the header declares 20x28x28");
  }

  @Test
  void truncatedGzipIsRejected() throws IOException {
    DataFileFixtures.writeMnist(directory, 20, 10, true);
    Path file = mnistFile("train-images-idx3-ubyte.gz");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertFails(mnist(), file, "truncated");
  }

  @Test
  void imageAndLabelCountsMustAgree() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    write(mnistFile("t10k-labels-idx1-ubyte"), labels(9, 10), false);
    assertFails(mnist(), mnistFile("t10k-labels-idx1-ubyte"), "holds 9 labels, but the images file");
  }

  @Test
  void labelsOutsideTheClassesAreRejected() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    byte[] bytes = labels(20, 10);
    bytes[8 + 3] = 10;
    write(mnistFile("train-labels-idx1-ubyte"), bytes, false);
    assertFails(mnist(), mnistFile("train-labels-idx1-ubyte"), "label 10 of example 3 is outside 0..9");
  }

  @Test
  void labelsFileWithImageDimensionsIsRejected() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    write(mnistFile("train-labels-idx1-ubyte"), images(20, 2), false);
    assertFails(mnist(), mnistFile("train-labels-idx1-ubyte"), "needs exactly 1 IDX dimension");
  }

  @Test
  void cifarFileLengthMustBeAMultipleOfTheRecord() {
    DataFileFixtures.writeCifar(directory, 3, 2);
    Path file = directory.resolve("data_batch_3.bin");
    write(file, Arrays.copyOf(DataFileFixtures.cifarBatch(0, 2), 2 * CifarBatch.RECORD_BYTES + 5), false);
    assertFails(cifar(), file, "is 6151 bytes long, expected a positive multiple of 3073");
  }

  @Test
  void cifarLabelsOutsideTheClassesAreRejected() {
    DataFileFixtures.writeCifar(directory, 3, 2);
    Path file = directory.resolve("test_batch.bin");
    byte[] records = DataFileFixtures.cifarBatch(0, 2);
    records[CifarBatch.RECORD_BYTES] = 12;
    write(file, records, false);
    assertFails(cifar(), file, "label 12 of record 1 is outside 0..9");
  }

  @Test
  void unknownDataSetNameListsTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> catalog.load(DataSpec.named("imagenet")));
    assertTrue(
        error.getMessage().contains("data.name: unknown data set 'imagenet'; allowed: shapeset, mnist, fashion-mnist, cifar10, idx"),
        error.getMessage());
  }

  @Test
  void unknownOptionListsTheAllowedOnes() {
    DataSpec spec = new DataSpec("mnist", new TreeMap<>(Map.of("path", directory.toString(), "pixel_range", "zero_to_one")));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> catalog.load(spec));
    assertTrue(
        error.getMessage().contains("data.options.pixel_range: unknown option for data set 'mnist'; allowed: path, validation_size"),
        error.getMessage());
  }

  @Test
  void tooFewTrainingExamplesForTheSplitAreRejected() {
    DataFileFixtures.writeMnist(directory, 20, 10, false);
    DataSpec spec = new DataSpec("mnist", new TreeMap<>(Map.of("path", directory.toString())));
    assertFails(spec, mnistFile("train-images-idx3-ubyte"), "holds 20 training examples; the split needs more than validation_size = 10000");
  }
}
