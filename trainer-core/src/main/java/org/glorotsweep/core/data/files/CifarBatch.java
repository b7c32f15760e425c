package org.glorotsweep.core.data.files;

import java.io.IOException;
import java.util.List;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.PixelRange;

/**
 * One CIFAR-10 binary batch file: records of 3073 bytes, a label byte in 0..9 then 3072 pixel bytes (the
 * 1024 red values of the 32 x 32 image row-major, then the 1024 green, then the 1024 blue). An example keeps
 * that channel-major order; pixels g become g / 255 in [0, 1].
 *
 * @param location the file
 * @param records the file's bytes
 * @param sha256 SHA-256 hex of the file's (decompressed) bytes
 */
record CifarBatch(String location, byte[] records, String sha256) {
  /** Values per example, 3 x 32 x 32. */
  static final int INPUTS = 3072;
  /** Bytes per record: the label and the pixels. */
  static final int RECORD_BYTES = INPUTS + 1;
  /** The number of classes. */
  static final int CLASSES = 10;

  /**
   * Reads and checks a batch file (raw or gzip).
   *
   * @throws DataFileException when it is missing, empty, not a whole number of records, or has a label
   *     outside 0..9
   */
  static CifarBatch read(FileOpener files, String location) throws IOException {
    CifarBatch batch =
        DataFiles.read(files, location, in -> new CifarBatch(location, in.readAllBytes(), DataFiles.sha256(in)));
    requireWholeRecords(location, batch.records.length);
    for (int i = 0; i < batch.count(); i++) {
      int label = batch.records[i * RECORD_BYTES] & 0xff;
      if (label >= CLASSES) {
        throw new DataFileException(location, "label " + label + " of record " + i + " is outside 0..9");
      }
    }
    return batch;
  }

  /**
   * The number of records in the batch file at {@code location}, from its length (a gzip file is decompressed to
   * measure it); reads no records, so labels are not checked.
   *
   * @throws DataFileException when it is missing, empty or not a whole number of records
   */
  static int countRecords(FileOpener files, String location) throws IOException {
    long length = DataFiles.contentLength(files, location);
    requireWholeRecords(location, length);
    return Math.toIntExact(length / RECORD_BYTES);
  }

  private static void requireWholeRecords(String location, long length) throws DataFileException {
    if (length == 0 || length % RECORD_BYTES != 0 || length / RECORD_BYTES > Integer.MAX_VALUE) {
      throw new DataFileException(
          location,
          "is " + length + " bytes long, expected a positive multiple of " + RECORD_BYTES
              + " (1 label byte + 3072 pixel bytes per image)");
    }
  }

  /** The number of records. */
  int count() {
    return records.length / RECORD_BYTES;
  }

  /**
   * Examples [from, to) of the concatenation of {@code batches}, as float32.
   *
   * @param batches in order; together at least {@code to} records
   */
  static LabeledSet slice(List<CifarBatch> batches, int from, int to) {
    float[] features = new float[(to - from) * INPUTS];
    int[] labels = new int[to - from];
    int batchStart = 0;
    for (CifarBatch batch : batches) {
      int first = Math.max(from, batchStart);
      int end = Math.min(to, batchStart + batch.count());
      for (int example = first; example < end; example++) {
        int offset = (example - batchStart) * RECORD_BYTES;
        int row = example - from;
        labels[row] = batch.records[offset] & 0xff;
        PixelRange.ZERO_TO_ONE.scale(batch.records, offset + 1, features, row * INPUTS, INPUTS);
      }
      batchStart += batch.count();
    }
    return new LabeledSet(features, labels, INPUTS, CLASSES);
  }
}
