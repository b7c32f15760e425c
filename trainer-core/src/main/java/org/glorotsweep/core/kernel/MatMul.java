package org.glorotsweep.core.kernel;

import org.ejml.data.ReshapeMatrix;

/**
 * The matrix products of one SGD step: the forward pass S = Z W, back-propagation D_prev = D W^T and the
 * weight gradient G = Z^T D. They hold almost all of a step's arithmetic (paper-spec section 5), so they sit
 * behind this one small interface where a faster implementation can replace EJML's.
 *
 * <p>Each output is reshaped to fit and must not alias an input. Implementations are stateless and
 * single-threaded, and for a given input give the same bits every time.
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
}
