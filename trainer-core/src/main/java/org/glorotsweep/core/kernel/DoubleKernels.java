package org.glorotsweep.core.kernel;

import java.security.MessageDigest;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Precision;

/** Float64 kernels on EJML's {@link DMatrixRMaj}: the reference precision. */
public final class DoubleKernels implements Kernels<DMatrixRMaj> {
  private final MatMul<DMatrixRMaj> matMul;

  /** Kernels whose products use {@code matMul}. */
  public DoubleKernels(MatMul<DMatrixRMaj> matMul) {
    this.matMul = matMul;
  }

  @Override
  public Precision precision() {
    return Precision.FLOAT64;
  }

  @Override
  public MatMul<DMatrixRMaj> matMul() {
    return matMul;
  }

  @Override
  public DMatrixRMaj zeros(int rows, int cols) {
    return new DMatrixRMaj(rows, cols);
  }

  @Override
  public DMatrixRMaj fromDouble(DMatrixRMaj source) {
    return source.copy();
  }

  @Override
  public DMatrixRMaj toDouble(DMatrixRMaj source) {
    return source.copy();
  }

  @Override
  public void load(float[] source, int rows, int cols, DMatrixRMaj dest) {
    dest.reshape(rows, cols);
    for (int i = 0; i < rows * cols; i++) {
      dest.data[i] = source[i];
    }
  }

  @Override
  public void addToEachRow(DMatrixRMaj row, DMatrixRMaj a) {
    // a_ij += row_j
    for (int start = 0, cols = a.numCols; start < a.getNumElements(); start += cols) {
      for (int j = 0; j < cols; j++) {
        a.data[start + j] += row.data[j];
      }
    }
  }

  @Override
  public void sumRows(DMatrixRMaj a, DMatrixRMaj out) {
    CommonOps_DDRM.sumCols(a, out);
  }

  @Override
  public void activate(Activation f, DMatrixRMaj s, DMatrixRMaj z) {
    z.reshape(s.numRows, s.numCols);
    for (int i = 0; i < s.getNumElements(); i++) {
      z.data[i] = f.apply(s.data[i]);
    }
  }

  @Override
  public void multiplyByDerivative(Activation f, DMatrixRMaj z, DMatrixRMaj delta) {
    for (int i = 0; i < delta.getNumElements(); i++) {
      delta.data[i] *= f.derivativeFromOutput(z.data[i]);
    }
  }

  @Override
  public void addScaled(DMatrixRMaj a, double alpha, DMatrixRMaj b) {
    CommonOps_DDRM.addEquals(a, alpha, b);
  }

  @Override
  public double get(DMatrixRMaj m, int row, int col) {
    return m.get(row, col);
  }

  @Override
  public void set(DMatrixRMaj m, int row, int col, double value) {
    m.set(row, col, value);
  }

  @Override
  public void digest(DMatrixRMaj m, MessageDigest digest) {
    for (int i = 0; i < m.getNumElements(); i++) {
      long bits = Double.doubleToRawLongBits(m.data[i]);
      for (int shift = 56; shift >= 0; shift -= 8) {
        digest.update((byte) (bits >>> shift));
      }
    }
  }
}
