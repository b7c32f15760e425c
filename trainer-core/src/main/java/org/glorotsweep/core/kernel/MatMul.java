package org.glorotsweep.core.kernel;

import org.ejml.data.ReshapeMatrix;

/**
 * The matrix products of one SGD step: the forward pass S = Z W, back-propagation D_prev = D W^T, the
 * weight gradient G = Z^T D and the update W := W - eta Z^T D. They hold almost all of a step's arithmetic
 * (paper-spec section 5), so they sit behind this one small interface where a faster implementation can
 * replace EJML's.
 *
 * <p>Each product's output is reshaped to fit; an accumulated matrix must have its shape already; no output
 * may alias an input. Implementations are stateless and single-threaded, and for a given input give the
 * same bits every time.
 *
 * @param <M> the EJML matrix type
 */
public interface MatMul<M extends ReshapeMatrix> {

  /** A name for provenance, e.g. {@code "ejml"}; results from different kernels may differ in the last bits. */
  String name();

  /** c = a b. */
  void mult(M a, M b, M c);

  /** c = a^T b. */
  void multTransA(M a, M b, M c);

  /** c = a b^T. */
  void multTransB(M a, M b, M c);

  /**
   * c := c + alpha a^T b, the SGD update W := W - eta Z^T D without materialising the gradient Z^T D.
   *
   * @param a m x k. Not modified.
   * @param b m x n. Not modified.
   * @param c k x n. Modified.
   */
  void multAddTransA(double alpha, M a, M b, M c);

  /**
   * Back-propagation through a layer and its SGD update, in one step: below = delta w^T with w as given,
   * then w := w + alpha input^T delta. Implementations may fuse the two into one pass over w.
   *
   * @param delta B x n, dC/ds of the layer. Not modified.
   * @param input B x k, the layer's input z. Not modified.
   * @param alpha the step, -eta
   * @param w k x n, the layer's weights. Modified.
   * @param below reshaped to B x k, receives delta w^T. Modified.
   */
  default void multTransBThenAddTransA(M delta, M input, double alpha, M w, M below) {
    multTransB(delta, w, below);
    multAddTransA(alpha, input, delta, w);
  }
}
