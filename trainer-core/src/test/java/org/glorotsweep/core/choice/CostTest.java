package org.glorotsweep.core.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The costs' values on known logits, including logits that would overflow a naive softmax. */
class CostTest {

  @Test
  void nllOfUniformLogitsIsLogK() {
    double[] gradient = new double[4];
    double loss = Cost.NLL.lossAndGradient(new double[] {2, 2, 2, 2}, 4, 1, gradient);
    assertEquals(Math.log(4), loss, 1e-15);
    assertEquals(0.25 - 1.0, gradient[1], 1e-15);
    assertEquals(0.25, gradient[0], 1e-15);
  }

  @Test
  void nllIsStableForHugeLogits() {
    double[] gradient = new double[3];
    double loss = Cost.NLL.lossAndGradient(new double[] {1000, 0, -1000}, 3, 1, gradient);
    assertEquals(1000.0, loss, 1e-12);
    assertTrue(Double.isFinite(gradient[0]));
  }

  @Test
  void quadraticOfAPerfectPredictionIsZero() {
    double[] gradient = new double[2];
    double loss = Cost.QUADRATIC.lossAndGradient(new double[] {800, 0}, 2, 0, gradient);
    assertEquals(0.0, loss, 1e-300);
  }

  @Test
  void quadraticOfUniformLogits() {
    // p = (1/2, 1/2), y = e_0: C = 1/2 ((1/2 - 1)^2 + (1/2)^2) = 1/4
    double[] gradient = new double[2];
    assertEquals(0.25, Cost.QUADRATIC.lossAndGradient(new double[] {0, 0}, 2, 0, gradient), 1e-15);
    // g = (-1/2, 1/2), sum g p = 0, dC/ds = p .* g = (-1/4, 1/4)
    assertEquals(-0.25, gradient[0], 1e-15);
    assertEquals(0.25, gradient[1], 1e-15);
  }
}
