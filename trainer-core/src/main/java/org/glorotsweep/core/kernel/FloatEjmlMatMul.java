// Written by hand: Float64Twins (trainer-core's tests) generates DoubleEjmlMatMul.java from this file.
package org.glorotsweep.core.kernel;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/** EJML's own single-threaded float32 products ({@link CommonOps_FDRM}): the reference, and the fallback. */
final class FloatEjmlMatMul implements MatMul<FMatrixRMaj> {
  @Override
  public String name() {
    return EjmlMatMul.NAME;
  }

  @Override
  public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.mult(a, b, c);
  }

  @Override
  public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multTransA(a, b, c);
  }

  @Override
  public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multTransB(a, b, c);
  }

  @Override
  public void multAddTransA(double alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    CommonOps_FDRM.multAddTransA((float) alpha, a, b, c);
  }
}
