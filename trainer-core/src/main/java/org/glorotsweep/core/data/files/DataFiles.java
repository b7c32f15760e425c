package org.glorotsweep.core.data.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.util.zip.GZIPInputStream;
import org.glorotsweep.core.hash.Fingerprints;

/**
 * Reading one data file in one pass: gzip is detected by its magic bytes 1f 8b and undone, and a SHA-256 of the
 * decompressed bytes is computed as they are read, so a file and its gzipped copy have the same digest.
 */
final class DataFiles {
  private static final int BUFFER_BYTES = 1 << 16;

  private DataFiles() {}

  /** What to do with a file's (decompressed, digested) stream. */
  @FunctionalInterface
  interface Reader<T> {
    T read(DigestInputStream in) throws IOException;
  }

  /**
   * Opens {@code location}, applies {@code reader} and closes the file. Any failure becomes a
   * {@link DataFileException} naming the file.
   */
  static <T> T read(FileOpener files, String location, Reader<T> reader) throws DataFileException {
    try (InputStream raw = files.open(location);
        DigestInputStream in = new DigestInputStream(decompressed(raw), Fingerprints.newDigest())) {
      return reader.read(in);
    } catch (DataFileException e) {
      throw e;
    } catch (IOException e) {
      throw new DataFileException(location, e);
    }
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return gzip ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER_BYTES), BUFFER_BYTES) : buffered;
  }

  /** The SHA-256 hex of the bytes read from {@code in} so far. */
  static String sha256(DigestInputStream in) {
    return Fingerprints.hex(in.getMessageDigest());
  }

  /**
   * Exactly {@code count} bytes, then the end of the file.
   *
   * @param declared how the header declares them, e.g. {@code "60000x28x28 unsigned bytes"}
   * @throws DataFileException when the file ends early or goes on after them
   */
  static byte[] readToEnd(DigestInputStream in, int count, String location, String declared)
      throws IOException {
    byte[] bytes = in.readNBytes(count);
    if (bytes.length < count) {
      throw new DataFileException(
          location,
          "truncated: the header declares " + declared + " (" + count + " bytes) but only " + bytes.length
              + " follow");
    }
    long extra = in.transferTo(OutputStream.nullOutputStream());
    if (extra > 0) {
      throw new DataFileException(
          location,
          extra + " bytes follow the " + count + " data bytes the header declares (" + declared
              + "); the dimensions do not match the data");
    }
    return bytes;
  }
}
