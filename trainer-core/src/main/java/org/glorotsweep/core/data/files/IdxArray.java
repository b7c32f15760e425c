package org.glorotsweep.core.data.files;

import java.io.IOException;

/**
 * A whole IDX file of unsigned bytes, read and checked in one pass.
 *
 * @param header its header
 * @param values its data, row-major, exactly as many bytes as the header declares
 * @param sha256 SHA-256 hex of the file's (decompressed) bytes
 */
record IdxArray(IdxHeader header, byte[] values, String sha256) {

  /**
   * Reads the file at {@code location} (raw or gzip).
   *
   * @throws DataFileException when it is missing, not an unsigned-byte IDX file, truncated, or longer than its
   *     header declares
   */
  static IdxArray read(FileOpener files, String location) throws IOException {
    return DataFiles.read(
        files,
        location,
        in -> {
          IdxHeader header = IdxHeader.read(in, location);
          byte[] values =
              DataFiles.readToEnd(in, header.valueCount(), location, header.shape() + " unsigned bytes");
          return new IdxArray(header, values, DataFiles.sha256(in));
        });
  }

  /** The largest value read as unsigned, or -1 when the file holds none. */
  int maxValue() {
    int max = -1;
    for (byte value : values) {
      max = Math.max(max, value & 0xff);
    }
    return max;
  }

  /**
   * Checks that every value, read as a label, is in 0..classes-1.
   *
   * @throws DataFileException naming the file, the first bad label and its index
   */
  void requireLabelsBelow(int classes) throws DataFileException {
    for (int i = 0; i < values.length; i++) {
      int label = values[i] & 0xff;
      if (label >= classes) {
        throw new DataFileException(
            header.location(), "label " + label + " of example " + i + " is outside 0.." + (classes - 1));
      }
    }
  }

  /**
   * Reads the header of the file at {@code location} and checks it against the file's length, without reading
   * the data: a raw file's length comes from the file system, a gzip file is decompressed to count its bytes.
   *
   * @throws DataFileException when the file is missing, its header malformed, or its length not the header's
   *     plus the data it declares
   */
  static IdxHeader readHeader(FileOpener files, String location) throws IOException {
    IdxHeader header = DataFiles.read(files, location, in -> IdxHeader.read(in, location));
    long dataBytes = DataFiles.contentLength(files, location) - header.byteCount();
    DataFiles.requireDataLength(location, header.shape() + " unsigned bytes", header.valueCount(), dataBytes);
    return header;
  }
}
