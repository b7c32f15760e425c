package org.glorotsweep.core.checkpoint;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.hash.Fingerprints;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.Evaluation;
import org.glorotsweep.core.result.Histogram;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.result.Quantity;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.TrainingProgress;

/**
 * The binary form of a {@link TrialCheckpoint}, big-endian ({@link DataOutputStream}):
 *
 * <pre>
 * magic "GSWPCKPT" (8 bytes), format version (int)
 * identity: spec SHA-256, maths version (int), kernel, data fingerprint (modified UTF-8 strings)
 * elapsed ns, updates done, examples drawn (long); running cost (double); its examples (long)
 * curve: count (int), then per point: update (long), has cost (boolean), cost, validation error and NLL,
 *   test error and NLL (double)
 * statistics: count (int), then per row: update (long), layer (int), quantity name, count (long), mean,
 *   variance, min, max, p02, p50, p98, p98 of |x|, saturated fraction (double)
 * histograms: count (int), then per histogram: update (long), layer (int), quantity name, low, high (double),
 *   bins (int), counts (long each)
 * parameters: layers (int), then W^i and b^i: rows, cols (int), values row-major in the trial's precision
 *   (4 bytes per float32 value, 8 per float64)
 * SHA-256 of every byte above (32 bytes)
 * </pre>
 *
 * <p>A float32 checkpoint is therefore the size of the weights plus a few bytes per recorded statistic. Reading
 * checks, in this order, the magic, the format version, the digest (before anything else is parsed), the
 * identity and the shapes, and rejects the checkpoint with the first reason found.
 */
public final class CheckpointFormat {
  /** Bumped whenever the layout above changes; checkpoints of other versions are rejected. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "GSWPCKPT".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST_BYTES = 32;
  private static final int PREFIX_BYTES = MAGIC.length + Integer.BYTES;

  private CheckpointFormat() {}

  /**
   * Writes {@code checkpoint} in {@code precision} (the trial's) to {@code out}, which is flushed but not
   * closed.
   *
   * @param checkpoint the state. Not modified.
   * @param precision the precision the network trains in: float32 values are written as 4 bytes
   * @param out receives the bytes. Modified.
   */
  public static void write(TrialCheckpoint checkpoint, Precision precision, OutputStream out)
      throws IOException {
    MessageDigest digest = Fingerprints.newDigest();
    DataOutputStream data =
        new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(out, digest), 1 << 16));
    data.write(MAGIC);
    data.writeInt(VERSION);
    CheckpointIdentity identity = checkpoint.identity();
    data.writeUTF(identity.specSha256());
    data.writeInt(identity.mathsVersion());
    data.writeUTF(identity.kernel());
    data.writeUTF(identity.dataFingerprint());
    TrainingProgress progress = checkpoint.progress();
    data.writeLong(checkpoint.elapsedNanos());
    data.writeLong(progress.updatesDone());
    data.writeLong(progress.examplesDrawn());
    data.writeDouble(progress.costSum());
    data.writeLong(progress.costExamples());
    writeCurve(progress.curve(), data);
    writeStatistics(checkpoint.statistics(), data);
    writeHistograms(checkpoint.histograms(), data);
    data.writeInt(checkpoint.weights().size());
    for (int i = 0; i < checkpoint.weights().size(); i++) {
      writeMatrix(checkpoint.weights().get(i), precision, data);
      writeMatrix(checkpoint.biases().get(i), precision, data);
    }
    data.flush();
    out.write(digest.digest());
    out.flush();
  }

  /**
   * Reads a checkpoint and checks that it may resume {@code spec} trained with {@code kernel} on data of
   * {@code dataFingerprint}.
   *
   * @param in the bytes, read to the end; not closed
   * @throws InvalidCheckpointException with the first reason the checkpoint cannot be used
   * @throws IOException when {@code in} cannot be read
   */
  public static TrialCheckpoint read(InputStream in, TrialSpec spec, String kernel, String dataFingerprint)
      throws IOException, InvalidCheckpointException {
    byte[] bytes = in.readAllBytes();
    if (bytes.length < PREFIX_BYTES + DIGEST_BYTES
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new InvalidCheckpointException("not a checkpoint: it does not start with the magic 'GSWPCKPT'");
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length));
    int version = data.readInt();
    if (version != VERSION) {
      throw new InvalidCheckpointException(
          "checkpoint format version " + version + ", this code reads version " + VERSION);
    }
    int body = bytes.length - DIGEST_BYTES;
    MessageDigest digest = Fingerprints.newDigest();
    digest.update(bytes, 0, body);
    if (!Arrays.equals(digest.digest(), 0, DIGEST_BYTES, bytes, body, bytes.length)) {
      throw new InvalidCheckpointException("bad digest: the checkpoint's SHA-256 does not match its bytes");
    }
    data = new DataInputStream(new ByteArrayInputStream(bytes, PREFIX_BYTES, body - PREFIX_BYTES));
    try {
      return readBody(data, spec, CheckpointIdentity.of(spec, kernel, dataFingerprint));
    } catch (EOFException e) {
      throw new InvalidCheckpointException("truncated: the checkpoint ends before its parameters do", e);
    } catch (IllegalArgumentException e) {
      throw new InvalidCheckpointException("inconsistent checkpoint: " + e.getMessage(), e);
    }
  }

  /**
   * The update a checkpoint was taken at, from its header alone: for reports such as {@code status}, never to
   * resume from (the digest is not checked).
   *
   * @throws InvalidCheckpointException when the header is not one of this format
   */
  public static long peekUpdate(InputStream in) throws IOException, InvalidCheckpointException {
    DataInputStream data = new DataInputStream(in);
    try {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC) || data.readInt() != VERSION) {
        throw new InvalidCheckpointException("not a checkpoint of format version " + VERSION);
      }
      data.readUTF();
      data.readInt();
      data.readUTF();
      data.readUTF();
      data.readLong();
      return data.readLong();
    } catch (EOFException e) {
      throw new InvalidCheckpointException("truncated header", e);
    }
  }

  private static TrialCheckpoint readBody(DataInputStream data, TrialSpec spec, CheckpointIdentity expected)
      throws IOException, InvalidCheckpointException {
    CheckpointIdentity found =
        new CheckpointIdentity(data.readUTF(), data.readInt(), data.readUTF(), data.readUTF());
    String mismatch = expected.mismatch(found);
    if (mismatch != null) {
      throw new InvalidCheckpointException("checkpoint of another run: " + mismatch);
    }
    long elapsed = data.readLong();
    long updates = data.readLong();
    long examples = data.readLong();
    double costSum = data.readDouble();
    long costExamples = data.readLong();
    List<CurvePoint> curve = readCurve(data);
    List<LayerStatistics> statistics = readStatistics(data);
    List<Histogram> histograms = readHistograms(data, spec.monitor().histogramBins());
    NetworkSpec network = spec.network();
    int layers = data.readInt();
    if (layers != network.layerCount()) {
      throw new InvalidCheckpointException(
          "the checkpoint has " + layers + " layers, the spec " + network.layerCount());
    }
    Precision precision = spec.training().precision();
    List<DMatrixRMaj> weights = new ArrayList<>();
    List<DMatrixRMaj> biases = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      weights.add(readMatrix(data, network.width(i), network.width(i + 1), precision, "W^" + i));
      biases.add(readMatrix(data, 1, network.width(i + 1), precision, "b^" + i));
    }
    if (data.available() > 0) {
      throw new InvalidCheckpointException(data.available() + " bytes follow the parameters");
    }
    return new TrialCheckpoint(
        found, elapsed, new TrainingProgress(updates, examples, costSum, costExamples, curve), statistics,
        histograms, weights, biases);
  }

  private static void writeCurve(List<CurvePoint> curve, DataOutputStream data) throws IOException {
    data.writeInt(curve.size());
    for (CurvePoint p : curve) {
      data.writeLong(p.update());
      data.writeBoolean(p.trainingCost().isPresent());
      data.writeDouble(p.trainingCost().orElse(Double.NaN));
      data.writeDouble(p.validation().error());
      data.writeDouble(p.validation().nll());
      data.writeDouble(p.test().error());
      data.writeDouble(p.test().nll());
    }
  }

  private static List<CurvePoint> readCurve(DataInputStream data) throws IOException, InvalidCheckpointException {
    int count = count(data, "curve points");
    List<CurvePoint> curve = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      long update = data.readLong();
      boolean hasCost = data.readBoolean();
      double cost = data.readDouble();
      curve.add(
          new CurvePoint(
              update, hasCost ? OptionalDouble.of(cost) : OptionalDouble.empty(),
              new Evaluation(data.readDouble(), data.readDouble()),
              new Evaluation(data.readDouble(), data.readDouble())));
    }
    return curve;
  }

  private static void writeStatistics(List<LayerStatistics> rows, DataOutputStream data) throws IOException {
    data.writeInt(rows.size());
    for (LayerStatistics s : rows) {
      data.writeLong(s.update());
      data.writeInt(s.layer());
      data.writeUTF(s.quantity().name());
      data.writeLong(s.count());
      for (double v :
          new double[] {
            s.mean(), s.variance(), s.min(), s.max(), s.p02(), s.p50(), s.p98(), s.p98Abs(), s.saturatedFraction()
          }) {
        data.writeDouble(v);
      }
    }
  }

  private static List<LayerStatistics> readStatistics(DataInputStream data)
      throws IOException, InvalidCheckpointException {
    int count = count(data, "statistics rows");
    List<LayerStatistics> rows = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      long update = data.readLong();
      int layer = data.readInt();
      Quantity quantity = quantity(data.readUTF());
      long values = data.readLong();
      double[] v = new double[9];
      for (int j = 0; j < v.length; j++) {
        v[j] = data.readDouble();
      }
      rows.add(
          new LayerStatistics(update, layer, quantity, values, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
    }
    return rows;
  }

  private static void writeHistograms(List<Histogram> histograms, DataOutputStream data) throws IOException {
    data.writeInt(histograms.size());
    for (Histogram h : histograms) {
      data.writeLong(h.update());
      data.writeInt(h.layer());
      data.writeUTF(h.quantity().name());
      data.writeDouble(h.low());
      data.writeDouble(h.high());
      long[] counts = h.counts();
      data.writeInt(counts.length);
      for (long c : counts) {
        data.writeLong(c);
      }
    }
  }

  private static List<Histogram> readHistograms(DataInputStream data, int bins)
      throws IOException, InvalidCheckpointException {
    int count = count(data, "histograms");
    List<Histogram> histograms = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      long update = data.readLong();
      int layer = data.readInt();
      Quantity quantity = quantity(data.readUTF());
      double low = data.readDouble();
      double high = data.readDouble();
      int found = data.readInt();
      if (found != bins) {
        throw new InvalidCheckpointException("a histogram has " + found + " bins, the spec " + bins);
      }
      long[] counts = new long[bins];
      for (int b = 0; b < bins; b++) {
        counts[b] = data.readLong();
      }
      histograms.add(new Histogram(update, layer, quantity, low, high, counts));
    }
    return histograms;
  }

  private static void writeMatrix(DMatrixRMaj m, Precision precision, DataOutputStream data) throws IOException {
    data.writeInt(m.getNumRows());
    data.writeInt(m.getNumCols());
    int n = m.getNumElements();
    if (precision == Precision.FLOAT32) {
      for (int j = 0; j < n; j++) {
        data.writeFloat((float) m.data[j]);
      }
    } else {
      for (int j = 0; j < n; j++) {
        data.writeDouble(m.data[j]);
      }
    }
  }

  private static DMatrixRMaj readMatrix(DataInputStream data, int rows, int cols, Precision precision, String name)
      throws IOException, InvalidCheckpointException {
    int foundRows = data.readInt();
    int foundCols = data.readInt();
    if (foundRows != rows || foundCols != cols) {
      throw new InvalidCheckpointException(
          name + " is " + foundRows + " x " + foundCols + " in the checkpoint, the spec needs " + rows + " x "
              + cols);
    }
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int j = 0; j < m.getNumElements(); j++) {
      m.data[j] = precision == Precision.FLOAT32 ? data.readFloat() : data.readDouble();
    }
    return m;
  }

  private static int count(DataInputStream data, String what) throws IOException, InvalidCheckpointException {
    int count = data.readInt();
    if (count < 0) {
      throw new InvalidCheckpointException("a negative number of " + what + ": " + count);
    }
    return count;
  }

  private static Quantity quantity(String name) throws InvalidCheckpointException {
    try {
      return Quantity.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidCheckpointException("unknown quantity '" + name + "'", e);
    }
  }
}
