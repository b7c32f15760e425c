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

  /**
   * The number of bytes {@link #read} would see in {@code location}: for a raw file its length from the file
   * system's metadata (only the two magic bytes are read), for a gzip file the count of its decompressed bytes
   * (the whole file is decompressed, and discarded).
   */
  static long contentLength(FileOpener files, String location) throws DataFileException {
    try (InputStream raw = files.open(location)) {
      // a two-byte buffer: a raw file's check reads nothing but the magic bytes
      BufferedInputStream buffered = new BufferedInputStream(raw, 2);
      if (!isGzip(buffered)) {
        return files.length(location);
      }
      return new GZIPInputStream(buffered, BUFFER_BYTES).transferTo(OutputStream.nullOutputStream());
    } catch (DataFileException e) {
      throw e;
    } catch (IOException e) {
      throw new DataFileException(location, e);
    }
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
    return isGzip(buffered)
        ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER_BYTES), BUFFER_BYTES)
        : buffered;
  }

  /** Whether {@code in} starts with gzip's magic bytes; reads nothing from it. */
  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
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
    long extra = bytes.length < count ? 0 : in.transferTo(OutputStream.nullOutputStream());
    requireDataLength(location, declared, count, bytes.length + extra);
    return bytes;
  }

  /**
   * Checks that the {@code actual} bytes following a file's header are the {@code expected} ones it declares.
   *
   * @param declared how the header declares them, e.g. {@code "60000x28x28 unsigned bytes"}
   * @throws DataFileException when the file ends early or goes on after them
   */
  static void requireDataLength(String location, String declared, long expected, long actual)
      throws DataFileException {
    if (actual < expected) {
      throw new DataFileException(
          location,
          "truncated: the header declares " + declared + " (" + expected + " bytes) but only " + actual
              + " follow");
    }
    if (actual > expected) {
      throw new DataFileException(
          location,
          (actual - expected) + " bytes follow the " + expected + " data bytes the header declares (" + declared
              + "); the dimensions do not match the data");
    }
  }
}
