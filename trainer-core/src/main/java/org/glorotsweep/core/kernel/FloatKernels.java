package org.glorotsweep.core.kernel;

import java.security.MessageDigest;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.ops.ConvertMatrixData;
import org.glorotsweep.core.nn.Activation;

/**
 * Float32 kernels on EJML's {@link FMatrixRMaj}: what trials train in. Element-wise functions are evaluated
 * in float64 and rounded once, so they are correctly rounded to within one float32 ulp and identical on every
 * JVM.
 */
public final class FloatKernels implements Kernels<FMatrixRMaj> {
  private final MatMul<FMatrixRMaj> matMul;

  /** Kernels whose products use {@code matMul}. */
  public FloatKernels(MatMul<FMatrixRMaj> matMul) {
    this.matMul = matMul;
  }

  @Override
  public Precision precision() {
    return Precision.FLOAT32;
  }

  @Override
  public MatMul<FMatrixRMaj> matMul() {
    return matMul;
  }

  @Override
  public FMatrixRMaj zeros(int rows, int cols) {
    return new FMatrixRMaj(rows, cols);
  }

  @Override
  public FMatrixRMaj fromDouble(DMatrixRMaj source) {
    FMatrixRMaj copy = new FMatrixRMaj(source.numRows, source.numCols);
    ConvertMatrixData.convert(source, copy);
    return copy;
  }

  @Override
  public DMatrixRMaj toDouble(FMatrixRMaj source) {
    DMatrixRMaj copy = new DMatrixRMaj(source.numRows, source.numCols);
    ConvertMatrixData.convert(source, copy);
    return copy;
  }

  @Override
  public void load(float[] source, int rows, int cols, FMatrixRMaj dest) {
    dest.reshape(rows, cols);
    System.arraycopy(source, 0, dest.data, 0, rows * cols);
  }

  @Override
  public void addToEachRow(FMatrixRMaj row, FMatrixRMaj a) {
    // a_ij += row_j
    for (int i = 0, n = a.getNumElements(), cols = a.numCols; i < n; i++) {
      a.data[i] += row.data[i % cols];
    }
  }

  @Override
  public void sumRows(FMatrixRMaj a, FMatrixRMaj out) {
    CommonOps_FDRM.sumCols(a, out);
  }

  @Override
  public void activate(Activation f, FMatrixRMaj s, FMatrixRMaj z) {
    z.reshape(s.numRows, s.numCols);
    for (int i = 0; i < s.getNumElements(); i++) {
      z.data[i] = (float) f.apply(s.data[i]);
    }
  }

  @Override
  public void multiplyByDerivative(Activation f, FMatrixRMaj z, FMatrixRMaj delta) {
    for (int i = 0; i < delta.getNumElements(); i++) {
      delta.data[i] *= (float) f.derivativeFromOutput(z.data[i]);
    }
  }

  @Override
  public void addScaled(FMatrixRMaj a, double alpha, FMatrixRMaj b) {
    CommonOps_FDRM.addEquals(a, (float) alpha, b);
  }

  @Override
  public double get(FMatrixRMaj m, int row, int col) {
    return m.get(row, col);
  }

  @Override
  public void set(FMatrixRMaj m, int row, int col, double value) {
    m.set(row, col, (float) value);
  }

  @Override
  public void digest(FMatrixRMaj m, MessageDigest digest) {
    for (int i = 0; i < m.getNumElements(); i++) {
      int bits = Float.floatToRawIntBits(m.data[i]);
      for (int shift = 24; shift >= 0; shift -= 8) {
        digest.update((byte) (bits >>> shift));
      }
    }
  }
}
