package org.glorotsweep.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * EJML's own single-threaded products ({@code CommonOps_DDRM}, {@code CommonOps_FDRM}): the reference kernel,
 * and the fallback when the Vector API kernels cannot run.
 */
public final class EjmlMatMul {
  /** The provenance name of these kernels. */
  public static final String NAME = "ejml";

  private EjmlMatMul() {}

  /** EJML's float64 products. */
  public static MatMul<DMatrixRMaj> float64() {
    return new DoubleEjmlMatMul();
  }

  /** EJML's float32 products. */
  public static MatMul<FMatrixRMaj> float32() {
    return new FloatEjmlMatMul();
  }
}
