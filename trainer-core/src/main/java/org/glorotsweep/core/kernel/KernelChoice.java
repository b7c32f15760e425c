package org.glorotsweep.core.kernel;

import java.lang.System.Logger.Level;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.glorotsweep.core.choice.Precision;

/**
 * Picks the kernels a trial trains with, at run time: the Vector API kernels ({@link VectorKernels}, named
 * {@code "vector<bits>"}) when the JVM was started with {@code --add-modules jdk.incubator.vector}, else
 * EJML's ({@code "ejml"}), with one warning per JVM. The name goes into every result's provenance, since the
 * two give different last bits.
 */
public final class KernelChoice {
  /** The module the fast kernels need. */
  public static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static final boolean VECTOR_API =
      detect(
          ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
          System.getLogger(KernelChoice.class.getName()));

  private KernelChoice() {}

  /** The fastest float64 kernels this JVM can run. */
  public static Kernels<DMatrixRMaj> float64() {
    return VECTOR_API ? VectorKernels.float64() : ejmlFloat64();
  }

  /** The fastest float32 kernels this JVM can run. */
  public static Kernels<FMatrixRMaj> float32() {
    return VECTOR_API ? VectorKernels.float32() : ejmlFloat32();
  }

  /** The fastest kernels for {@code precision}. */
  public static Kernels<?> forPrecision(Precision precision) {
    return precision == Precision.FLOAT64 ? float64() : float32();
  }

  /** EJML's float64 kernels: the reference, and the fallback. */
  public static Kernels<DMatrixRMaj> ejmlFloat64() {
    return new DoubleKernels(EjmlMatMul.float64());
  }

  /** EJML's float32 kernels with the exact tanh: the reference, and the fallback. */
  public static Kernels<FMatrixRMaj> ejmlFloat32() {
    return new FloatKernels(EjmlMatMul.float32());
  }

  /** Whether this JVM runs the Vector API kernels. */
  public static boolean vectorApiAvailable() {
    return VECTOR_API;
  }

  /** Returns {@code modulePresent}, warning on {@code logger} when it is false. */
  static boolean detect(boolean modulePresent, System.Logger logger) {
    if (!modulePresent) {
      logger.log(
          Level.WARNING,
          "Module " + VECTOR_MODULE + " is absent: training falls back to the slower EJML kernels (kernel"
              + " \"" + EjmlMatMul.NAME + "\"); start the JVM with --add-modules " + VECTOR_MODULE
              + " for the fast ones.");
    }
    return modulePresent;
  }
}
