package org.glorotsweep.core.kernel;

import java.security.MessageDigest;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Precision;

/**
 * The precision-specific part of training: every loop over matrix elements that the network logic needs,
 * for one EJML matrix type {@code M}. The network logic ({@link org.glorotsweep.core.nn.Propagation}) is
 * written once against this interface; {@link DoubleKernels} (float64, the reference) and
 * {@link FloatKernels} (float32) implement it.
 *
 * <p>Conventions follow EJML: the output argument comes last and is reshaped to fit; loops run to
 * {@code getNumElements()}, never to the backing array's length, because a matrix reshaped to a short last
 * mini-batch keeps its larger array. Nothing here allocates except the factory methods.
 *
 * @param <M> the EJML dense row-major matrix type
 */
public interface Kernels<M extends ReshapeMatrix> {

  /** The element precision of {@code M}. */
  Precision precision();

  /** The matrix products of a step; the seam for faster kernels. */
  MatMul<M> matMul();

  /** A new zero matrix. */
  M zeros(int rows, int cols);

  /** A new matrix holding {@code source}'s values rounded to this precision. */
  M fromDouble(DMatrixRMaj source);

  /** A new float64 copy of {@code source}. */
  DMatrixRMaj toDouble(M source);

  /**
   * dest = the first {@code rows x cols} values of {@code source}, read row-major.
   *
   * @param source float32 examples, one per row. Not modified.
   * @param dest reshaped to rows x cols. Modified.
   */
  void load(float[] source, int rows, int cols, M dest);

  /** a_r := a_r + row for every row r of {@code a}; {@code row} is 1 x cols(a). */
  void addToEachRow(M row, M a);

  /** out = 1^T a, the column sums of {@code a}, as a 1 x cols(a) row. */
  void sumRows(M a, M out);

  /** z = f(s), element-wise; {@code z} is reshaped like {@code s} and may be {@code s} itself. */
  void activate(Activation f, M s, M z);

  /** delta := delta (element-wise times) f'(s), with f'(s) computed from the output z = f(s). */
  void multiplyByDerivative(Activation f, M z, M delta);

  /** a := a + alpha b, element-wise (the SGD update is alpha = -learning rate). */
  void addScaled(M a, double alpha, M b);

  /** Reads element {@code row, col} as a double. */
  double get(M m, int row, int col);

  /** Writes element {@code row, col}, rounded to this precision. */
  void set(M m, int row, int col, double value);

  /** Feeds the raw bits of every element, row-major, to {@code digest}. */
  void digest(M m, MessageDigest digest);
}
