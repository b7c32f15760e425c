package org.glorotsweep.core.kernel;

import jdk.incubator.vector.FloatVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * The Vector API kernels: {@link FloatVectorMatMul} and {@link FloatVectorActivations} (tanh, sigmoid and
 * softsign) in float32, their generated twins {@link DoubleVectorMatMul} and {@link DoubleVectorActivations}
 * in float64; the activations give the same bits on every JVM. Only {@link KernelChoice} touches
 * this class, and only once it has found {@code jdk.incubator.vector} in the boot layer, so no class that
 * needs the module is loaded without it.
 */
final class VectorKernels {
  private VectorKernels() {}

  /**
   * The size in bits of the JVM's preferred vector, which the kernels use for every element type (the JDK
   * gives all element types one preferred shape) and name themselves after.
   */
  static int preferredVectorBits() {
    return FloatVector.SPECIES_PREFERRED.vectorBitSize();
  }

  static Kernels<FMatrixRMaj> float32() {
    return new FloatKernels(new FloatVectorMatMul(), FloatVectorActivations.functions());
  }

  static Kernels<DMatrixRMaj> float64() {
    return new DoubleKernels(new DoubleVectorMatMul(), DoubleVectorActivations.functions());
  }
}
