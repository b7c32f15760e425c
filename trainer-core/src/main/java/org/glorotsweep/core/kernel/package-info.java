/**
 * The precision-specific part of training. {@link org.glorotsweep.core.kernel.Kernels} holds the element-wise
 * loops for one EJML matrix type (float32 or float64); {@link org.glorotsweep.core.kernel.MatMul} holds the three
 * matrix products of a step, the seam behind which faster kernels replace EJML's.
 */
package org.glorotsweep.core.kernel;
