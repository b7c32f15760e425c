package org.glorotsweep.core.data.files;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The header of an IDX file (the MNIST format): the magic number 00 00 TT DD, where TT is the element type and DD
 * the number of dimensions, then each dimension's size as a big-endian int32; the first dimension counts the
 * examples. The data follow, row-major. Only element type 0x08 (unsigned byte) is read.
 *
 * @param location the file
 * @param dimensions the sizes, dimensions[0] = number of examples
 */
record IdxHeader(String location, int[] dimensions) {
  /** Element type code of unsigned bytes. */
  static final int UNSIGNED_BYTE = 0x08;

  /**
   * Reads and checks the header at the start of {@code in}.
   *
   * @throws DataFileException for a wrong magic number, element type or dimension, or a short header
   */
  static IdxHeader read(InputStream in, String location) throws IOException {
    DataInputStream data = new DataInputStream(in);
    try {
      int magic = data.readInt();
      int type = (magic >>> 8) & 0xff;
      int rank = magic & 0xff;
      if ((magic >>> 16) != 0 || rank == 0) {
        throw new DataFileException(
            location,
            String.format("not an IDX file: magic number 0x%08x, expected 0x0000TTDD with DD >= 1", magic));
      }
      if (type != UNSIGNED_BYTE) {
        throw new DataFileException(
            location,
            String.format(
                "IDX element type 0x%02x (%s) is not supported; expected 0x08 (unsigned byte)",
                type, typeName(type)));
      }
      int[] dimensions = new int[rank];
      for (int i = 0; i < rank; i++) {
        dimensions[i] = data.readInt();
        if (dimensions[i] < 0) {
          throw new DataFileException(location, "IDX dimension " + i + " is " + dimensions[i] + ", expected >= 0");
        }
      }
      return new IdxHeader(location, dimensions);
    } catch (EOFException e) {
      throw new DataFileException(location, "truncated: the file ends inside its IDX header");
    }
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x09 -> "signed byte";
      case 0x0b -> "int16";
      case 0x0c -> "int32";
      case 0x0d -> "float32";
      case 0x0e -> "float64";
      default -> "unknown";
    };
  }

  /** The header's own length in bytes: the magic number and one int32 per dimension. */
  long byteCount() {
    return 4L + 4L * dimensions.length;
  }

  /** The number of examples, dimensions[0]. */
  int count() {
    return dimensions[0];
  }

  /** Values per example: the product of the dimensions after the first (1 for a labels file). */
  int rowSize() throws DataFileException {
    return checkedProduct(1);
  }

  /** All values in the file: the product of every dimension. */
  int valueCount() throws DataFileException {
    return checkedProduct(0);
  }

  private int checkedProduct(int from) throws DataFileException {
    long product = 1;
    for (int i = from; i < dimensions.length; i++) {
      product *= dimensions[i];
      if (product > Integer.MAX_VALUE - 8) {
        throw new DataFileException(
            location, "the IDX dimensions " + shape() + " declare more values than one Java array holds");
      }
    }
    return (int) product;
  }

  /** The dimensions after the first, e.g. {@code [28, 28]}. */
  int[] exampleShape() {
    return Arrays.copyOfRange(dimensions, 1, dimensions.length);
  }

  /** The dimensions as text, e.g. {@code "60000x28x28"}. */
  String shape() {
    return Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining("x"));
  }
}
