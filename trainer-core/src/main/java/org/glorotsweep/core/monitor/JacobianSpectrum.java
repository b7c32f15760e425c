package org.glorotsweep.core.monitor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.spec.NetworkSpec;

/**
 * Singular values of the Jacobian of one hidden layer with respect to the hidden layer below it, for one
 * example (Glorot and Bengio 2010, section 4.2): with z^{i+1} = f(z^i W^i + b^i),
 *
 * <pre>
 *   J^i = dz^{i+1}/dz^i = diag(f'(s^i)) (W^i)^T,   an n_{i+1} x n_i matrix,
 * </pre>
 *
 * defined for the hidden-to-hidden layers i = 1..L-1. The matrix is formed in float64 and decomposed with
 * EJML's SVD (singular values only); the matrix and the decomposition are allocated once per trial. One
 * 1000 x 1000 decomposition takes most of a second, which is why Jacobians have their own sparser schedule.
 */
final class JacobianSpectrum {
  private final DMatrixRMaj jacobian;
  private final SingularValueDecomposition_F64<DMatrixRMaj> svd;

  /** Room for the largest hidden-to-hidden Jacobian of {@code spec}. */
  JacobianSpectrum(NetworkSpec spec) {
    int largest = 1;
    for (int i = 1; i < spec.depth(); i++) {
      largest = Math.max(largest, spec.width(i) * spec.width(i + 1));
    }
    jacobian = new DMatrixRMaj(1, largest);
    // singular values only: no U, no V
    svd = DecompositionFactory_DDRM.svd(false, false, true);
  }

  /**
   * Decomposes J^i of one example and appends its min(n_i, n_{i+1}) singular values to {@code pooled}.
   *
   * @param weights W^i, n_i x n_{i+1}. Not modified.
   * @param outputs z^{i+1} = f(s^i) of a batch, one example per row. Not modified.
   * @param row the example's row in {@code outputs}
   * @param pooled receives the singular values. Modified.
   * @return the moments of this example's singular values
   * @throws IllegalStateException if EJML's SVD does not converge
   */
  <M extends ReshapeMatrix> Moments decompose(
      Kernels<M> kernels, Activation f, M weights, M outputs, int row, Sample pooled) {
    int below = weights.getNumRows();
    int above = weights.getNumCols();
    jacobian.reshape(above, below);
    // J_ab = f'(s_a) W_ba, with f'(s_a) computed from z_a = f(s_a)
    for (int a = 0; a < above; a++) {
      double slope = f.derivativeFromOutput(kernels.get(outputs, row, a));
      for (int b = 0; b < below; b++) {
        jacobian.unsafe_set(a, b, slope * kernels.get(weights, b, a));
      }
    }
    if (!svd.decompose(jacobian)) {
      throw new IllegalStateException("EJML's SVD did not converge on a " + above + "x" + below + " Jacobian");
    }
    int count = svd.numberOfSingularValues();
    double[] singularValues = svd.getSingularValues();
    pooled.append(singularValues, count);
    return Moments.of(singularValues, 0, count);
  }
}
