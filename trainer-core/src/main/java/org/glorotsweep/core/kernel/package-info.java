/**
 * The precision-specific part of training. {@link org.glorotsweep.core.kernel.Kernels} holds the element-wise
 * loops for one EJML matrix type (float32 or float64); {@link org.glorotsweep.core.kernel.MatMul} holds the
 * products of a step (forward, back-propagation, weight gradient, update, and back-propagation fused with the
 * update), the seam behind which faster kernels replace EJML's. {@link org.glorotsweep.core.kernel.KernelChoice}
 * picks them at run time: the Java Vector API kernels (register-blocked products written once for float32
 * and derived for float64 by the build, and a deterministic vectorised tanh in float32) when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else EJML's with a warning; the kernel's name goes into every
 * result's provenance, since kernels differ in the last bits.
 */
package org.glorotsweep.core.kernel;
