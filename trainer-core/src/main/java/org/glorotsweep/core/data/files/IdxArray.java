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

  /** Reads only the header of the file at {@code location}. */
  static IdxHeader readHeader(FileOpener files, String location) throws IOException {
    return DataFiles.read(files, location, in -> IdxHeader.read(in, location));
  }
}
