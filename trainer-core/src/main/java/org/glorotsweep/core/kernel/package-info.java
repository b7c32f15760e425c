/**
 * The precision-specific part of training. {@link org.glorotsweep.core.kernel.Kernels} holds the element-wise
 * loops for one EJML matrix type (float32 or float64); {@link org.glorotsweep.core.kernel.MatMul} holds the
 * products of a step (forward, back-propagation, weight gradient, update, and back-propagation fused with the
 * update), the seam behind which faster kernels replace EJML's. {@link org.glorotsweep.core.kernel.KernelChoice}
 * picks them at run time: the Java Vector API kernels (register-blocked products on the JVM's preferred vector
 * size, and deterministic vectorised tanh, sigmoid and softsign) when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and its vectors hold at least 128 bits, else EJML's with a
 * warning; the kernel's name ({@code vector512}, {@code vector256}, {@code vector128} or {@code ejml}) goes
 * into every result's provenance, since kernels differ in the last bits. Each float64 class is generated from
 * its hand-written float32 twin ({@code FloatKernels}, {@code FloatEjmlMatMul}, {@code FloatVectorMatMul},
 * {@code FloatVectorActivations}) by
 * {@code Float64Twins} in the test sources, whose test fails when a generated file is stale.
 */
package org.glorotsweep.core.kernel;
