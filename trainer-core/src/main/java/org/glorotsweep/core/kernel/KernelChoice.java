package org.glorotsweep.core.kernel;

import java.lang.System.Logger.Level;
import java.util.function.IntSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.glorotsweep.core.choice.Precision;

/**
 * Picks the kernels a trial trains with, at run time: the Vector API kernels ({@link VectorKernels}, named
 * {@code "vector<bits>"} after the JVM's preferred vector size) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and its preferred vector holds at least {@link #MIN_VECTOR_BITS}
 * bits, else EJML's ({@code "ejml"}), with one warning per JVM. The name goes into every result's provenance,
 * since the kernels, and the vector kernels at different sizes, give different last bits.
 *
 * <p>The preferred vector is the widest the JIT compiles on this processor, capped by
 * {@code -XX:MaxVectorSize}: 512 bits on AVX-512, 256 on AVX2, 128 on SSE and ARM NEON.
 */
public final class KernelChoice {
  /** The module the fast kernels need. */
  public static final String VECTOR_MODULE = "jdk.incubator.vector";

  /**
   * The narrowest preferred vector the Vector API kernels run on: 128 bits, two float64 lanes. Below it a
   * float64 vector has one lane, which the JIT does not compile to vector instructions, and the kernels run
   * some 50 times slower than EJML's (measured with {@code -XX:MaxVectorSize=8}).
   */
  public static final int MIN_VECTOR_BITS = 128;

  private static final boolean VECTOR_API =
      detect(
          ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
          VectorKernels::preferredVectorBits,
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

  /** Whether this JVM trains on the Vector API kernels. */
  public static boolean vectorApiAvailable() {
    return VECTOR_API;
  }

  /**
   * Whether to train on the Vector API kernels: the module must be present and the preferred vector (read
   * from {@code vectorBits} only then, since reading it loads the module's classes) at least
   * {@link #MIN_VECTOR_BITS} wide. Otherwise warns once on {@code logger}, saying why.
   */
  static boolean detect(boolean modulePresent, IntSupplier vectorBits, System.Logger logger) {
    if (!modulePresent) {
      logger.log(
          Level.WARNING,
          "Module " + VECTOR_MODULE + " is absent: training falls back to the slower EJML kernels (kernel"
              + " \"" + EjmlMatMul.NAME + "\"); start the JVM with --add-modules " + VECTOR_MODULE
              + " for the fast ones.");
      return false;
    }
    int bits = vectorBits.getAsInt();
    if (bits < MIN_VECTOR_BITS) {
      logger.log(
          Level.WARNING,
          "The JVM's preferred vector is " + bits + " bits, below the " + MIN_VECTOR_BITS + " the Vector API"
              + " kernels need (is -XX:MaxVectorSize set below 16?): training falls back to the slower EJML"
              + " kernels (kernel \"" + EjmlMatMul.NAME + "\").");
      return false;
    }
    return true;
  }
}
