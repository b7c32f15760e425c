// Written by hand: Float64Twins (trainer-core's tests) generates DoubleKernels.java from this file.
package org.glorotsweep.core.kernel;

import java.security.MessageDigest;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Precision;

/**
 * The element-wise kernels on EJML's {@link FMatrixRMaj}, in float32. Element-wise functions are evaluated
 * in double and rounded once to the element type, so they are correctly rounded to within one ulp and identical on
 * every JVM; activations may instead be faster deterministic functions given to the constructor (see {@link
 * VectorKernels}).
 */
public final class FloatKernels implements Kernels<FMatrixRMaj> {
  private final MatMul<FMatrixRMaj> matMul;
  private final Map<Activation, ArrayFunction> arrayActivations;

  /** Kernels whose products use {@code matMul}, with every activation rounded from {@link Activation#apply}. */
  public FloatKernels(MatMul<FMatrixRMaj> matMul) {
    this(matMul, Map.of());
  }

  /**
   * Kernels whose products use {@code matMul} and whose activations are {@code arrayActivations} where it has
   * one, else rounded from {@link Activation#apply}.
   */
  FloatKernels(MatMul<FMatrixRMaj> matMul, Map<Activation, ArrayFunction> arrayActivations) {
    this.matMul = matMul;
    this.arrayActivations = Map.copyOf(arrayActivations);
  }

  /** z_i = f(s_i) for the first {@code count} elements; z may be s. */
  @FunctionalInterface
  interface ArrayFunction {
    void apply(float[] s, float[] z, int count);
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
    for (int i = 0; i < copy.getNumElements(); i++) {
      copy.data[i] = (float) source.data[i];
    }
    return copy;
  }

  @Override
  public DMatrixRMaj toDouble(FMatrixRMaj source) {
    DMatrixRMaj copy = new DMatrixRMaj(source.numRows, source.numCols);
    for (int i = 0; i < copy.getNumElements(); i++) {
      copy.data[i] = source.data[i];
    }
    return copy;
  }

  @Override
  public void load(/*float32*/ float[] source, int rows, int cols, FMatrixRMaj dest) {
    dest.reshape(rows, cols);
    for (int i = 0; i < rows * cols; i++) {
      dest.data[i] = source[i];
    }
  }

  @Override
  public void addToEachRow(FMatrixRMaj row, FMatrixRMaj a) {
    // a_ij += row_j
    for (int start = 0, cols = a.numCols; start < a.getNumElements(); start += cols) {
      for (int j = 0; j < cols; j++) {
        a.data[start + j] += row.data[j];
      }
    }
  }

  @Override
  public void sumRows(FMatrixRMaj a, FMatrixRMaj out) {
    CommonOps_FDRM.sumCols(a, out);
  }

  @Override
  public void activate(Activation f, FMatrixRMaj s, FMatrixRMaj z) {
    z.reshape(s.numRows, s.numCols);
    ArrayFunction arrayFunction = arrayActivations.get(f);
    if (arrayFunction != null) {
      arrayFunction.apply(s.data, z.data, s.getNumElements());
      return;
    }
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
    // the raw bits, most significant byte first
    for (int i = 0; i < m.getNumElements(); i++) {
      var bits = Float.floatToRawIntBits(m.data[i]);
      for (int shift = Float.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
        digest.update((byte) (bits >>> shift));
      }
    }
  }
}
