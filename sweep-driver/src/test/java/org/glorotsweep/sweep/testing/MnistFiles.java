package org.glorotsweep.sweep.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a small MNIST directory (the four raw IDX files) for the driver's tests, and breaks it in the ways the
 * driver must notice before any trial runs. Example i's pixels are all grey (i mod 256) and its label is i mod 10.
 */
public final class MnistFiles {
  /** The training images file's name. */
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  /** The training labels file's name. */
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  /** The test images file's name. */
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  /** The test labels file's name. */
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  private MnistFiles() {}

  /** Writes {@code train} training and {@code test} test examples into {@code directory}. */
  public static void write(Path directory, int train, int test) throws IOException {
    Files.write(directory.resolve(TRAIN_IMAGES), images(train));
    Files.write(directory.resolve(TRAIN_LABELS), labels(train));
    Files.write(directory.resolve(TEST_IMAGES), images(test));
    Files.write(directory.resolve(TEST_LABELS), labels(test));
  }

  /** Cuts the last {@code bytes} bytes off {@code file}. */
  public static void truncate(Path file, int bytes) throws IOException {
    byte[] content = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(content, content.length - bytes));
  }

  /** An IDX labels file of {@code count} labels, i mod 10. */
  public static byte[] labels(int count) {
    ByteBuffer buffer = header(count, 1, count);
    for (int i = 0; i < count; i++) {
      buffer.put((byte) (i % 10));
    }
    return buffer.array();
  }

  private static byte[] images(int count) {
    ByteBuffer buffer = header(count, 3, count * 28 * 28);
    for (int i = 0; i < count; i++) {
      byte[] pixels = new byte[28 * 28];
      Arrays.fill(pixels, (byte) i);
      buffer.put(pixels);
    }
    return buffer.array();
  }

  // magic 00 00 08 rank (unsigned bytes), then the count and, for images, 28 x 28
  private static ByteBuffer header(int count, int rank, int dataBytes) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * rank + dataBytes);
    buffer.putInt(0x0800 | rank).putInt(count);
    for (int i = 1; i < rank; i++) {
      buffer.putInt(28);
    }
    return buffer;
  }
}
