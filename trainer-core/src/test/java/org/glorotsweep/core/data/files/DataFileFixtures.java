package org.glorotsweep.core.data.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.glorotsweep.core.data.LabeledSet;

/**
 * Writes small data files for tests. Example i's pixel p has grey (7 i + p) mod 256 and its label is i mod 10,
 * so a test can tell which official example landed where.
 */
public final class DataFileFixtures {
  private DataFileFixtures() {}

  /** The grey of pixel {@code p} of example {@code i}. */
  public static int grey(int example, int pixel) {
    return (7 * example + pixel) % 256;
  }

  /**
   * Asserts that row {@code row} of {@code set} is fixture example {@code example}: label {@code example} mod 10
   * and pixels grey(example, p) / 255 (every 97th pixel is checked).
   */
  public static void assertIsExample(LabeledSet set, int row, int example) {
    assertEquals(example % 10, set.label(row), "label of row " + row);
    for (int p = 0; p < set.inputSize(); p += 97) {
      assertEquals(grey(example, p) / 255f, set.feature(row, p), "pixel " + p + " of row " + row);
    }
  }

  /** An IDX file: magic 00 00 08 rank, the dimensions, then {@code data} as is. */
  public static byte[] idx(int elementType, int[] dimensions, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    buffer.putInt((elementType << 8) | dimensions.length);
    for (int size : dimensions) {
      buffer.putInt(size);
    }
    return buffer.put(data).array();
  }

  /** An unsigned-byte IDX images file of {@code count} examples of the given shape, filled by {@link #grey}. */
  public static byte[] images(int count, int... shape) {
    int rowSize = 1;
    for (int size : shape) {
      rowSize *= size;
    }
    byte[] data = new byte[count * rowSize];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < rowSize; p++) {
        data[i * rowSize + p] = (byte) grey(i, p);
      }
    }
    int[] dimensions = new int[shape.length + 1];
    dimensions[0] = count;
    System.arraycopy(shape, 0, dimensions, 1, shape.length);
    return idx(IdxHeader.UNSIGNED_BYTE, dimensions, data);
  }

  /** An unsigned-byte IDX labels file: label i mod {@code classes}. */
  public static byte[] labels(int count, int classes) {
    byte[] data = new byte[count];
    for (int i = 0; i < count; i++) {
      data[i] = (byte) (i % classes);
    }
    return idx(IdxHeader.UNSIGNED_BYTE, new int[] {count}, data);
  }

  /** The MNIST training and test files in {@code directory}, gzipped or raw. */
  public static void writeMnist(Path directory, int trainCount, int testCount, boolean gzip) {
    String suffix = gzip ? ".gz" : "";
    write(directory.resolve("train-images-idx3-ubyte" + suffix), images(trainCount, 28, 28), gzip);
    write(directory.resolve("train-labels-idx1-ubyte" + suffix), labels(trainCount, 10), gzip);
    write(directory.resolve("t10k-images-idx3-ubyte" + suffix), images(testCount, 28, 28), gzip);
    write(directory.resolve("t10k-labels-idx1-ubyte" + suffix), labels(testCount, 10), gzip);
  }

  /** A CIFAR-10 batch of {@code count} records: label (first + i) mod 10, pixels by {@link #grey}(first + i). */
  public static byte[] cifarBatch(int first, int count) {
    byte[] records = new byte[count * CifarBatch.RECORD_BYTES];
    for (int i = 0; i < count; i++) {
      int offset = i * CifarBatch.RECORD_BYTES;
      records[offset] = (byte) ((first + i) % 10);
      for (int p = 0; p < CifarBatch.INPUTS; p++) {
        records[offset + 1 + p] = (byte) grey(first + i, p);
      }
    }
    return records;
  }

  /** Writes the six CIFAR-10 files, {@code perBatch} records per training batch and {@code testCount} in the test batch. */
  public static void writeCifar(Path directory, int perBatch, int testCount) {
    for (int batch = 1; batch <= 5; batch++) {
      write(directory.resolve("data_batch_" + batch + ".bin"), cifarBatch((batch - 1) * perBatch, perBatch), false);
    }
    write(directory.resolve("test_batch.bin"), cifarBatch(0, testCount), false);
  }

  /** Writes {@code bytes} to {@code file}, gzipped if asked. */
  public static void write(Path file, byte[] bytes, boolean gzip) {
    try {
      Files.write(file, gzip ? gzip(bytes) : bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
