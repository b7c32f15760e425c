package org.glorotsweep.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/** Picks the kernels a trial of a given precision trains with. */
public final class KernelChoice {
  private KernelChoice() {}

  /** The float64 kernels. */
  public static Kernels<DMatrixRMaj> float64() {
    return new DoubleKernels(EjmlMatMul.float64());
  }

  /** The float32 kernels. */
  public static Kernels<FMatrixRMaj> float32() {
    return new FloatKernels(EjmlMatMul.float32());
  }

  /** The kernels for {@code precision}. */
  public static Kernels<?> forPrecision(Precision precision) {
    return precision == Precision.FLOAT64 ? float64() : float32();
  }
}
