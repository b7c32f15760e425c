package org.glorotsweep.core.kernel;

import org.ejml.data.ReshapeMatrix;

/** Shape and aliasing checks shared by the {@link MatMul} implementations; the messages name the product. */
final class Shapes {
  private Shapes() {}

  /**
   * Checks a product c = op(a) op(b) whose operands are m x k and k' x n after their transposes: the inner
   * sizes k and k' must agree and c must not alias either operand.
   */
  static void product(
      String op, int m, int k, int innerB, int n, ReshapeMatrix a, ReshapeMatrix b, ReshapeMatrix c) {
    if (k != innerB) {
      throw new IllegalArgumentException(
          op + ": inner sizes differ, " + m + " x " + k + " times " + innerB + " x " + n);
    }
    distinct(op, a, c);
    distinct(op, b, c);
  }

  /** Checks c := c + alpha a^T b: a m x k, b m x n, c k x n, c distinct from a and b. */
  static void accumulate(String op, ReshapeMatrix a, ReshapeMatrix b, ReshapeMatrix c) {
    if (a.getNumRows() != b.getNumRows()
        || c.getNumRows() != a.getNumCols()
        || c.getNumCols() != b.getNumCols()) {
      throw new IllegalArgumentException(
          op + ": c (" + c.getNumRows() + " x " + c.getNumCols() + ") += a^T b needs a m x k, b m x n, c k x n;"
              + " a is " + a.getNumRows() + " x " + a.getNumCols() + ", b is " + b.getNumRows() + " x "
              + b.getNumCols());
    }
    distinct(op, a, c);
    distinct(op, b, c);
  }

  /** Rejects an output that is one of the inputs. */
  static void distinct(String op, ReshapeMatrix input, ReshapeMatrix output) {
    if (input == output) {
      throw new IllegalArgumentException(op + ": the output must not be an input");
    }
  }
}
