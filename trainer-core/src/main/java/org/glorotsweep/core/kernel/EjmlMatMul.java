package org.glorotsweep.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;

/** EJML's own single-threaded products ({@code CommonOps_DDRM}, {@code CommonOps_FDRM}): the reference kernel. */
public final class EjmlMatMul {
  /** The provenance name of these kernels. */
  public static final String NAME = "ejml";

  private EjmlMatMul() {}

  /** EJML's float64 products. */
  public static MatMul<DMatrixRMaj> float64() {
    return new MatMul<>() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.mult(a, b, c);
      }

      @Override
      public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multTransA(a, b, c);
      }

      @Override
      public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multTransB(a, b, c);
      }

      @Override
      public void multAddTransA(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multAddTransA(alpha, a, b, c);
      }
    };
  }

  /** EJML's float32 products. */
  public static MatMul<FMatrixRMaj> float32() {
    return new MatMul<>() {
      @Override
      public String name() {
        return NAME;
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
    };
  }
}
