package org.glorotsweep.core.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The activations' values, derivatives from the output, and saturation rules. */
class ActivationTest {

  @ParameterizedTest
  @EnumSource(Activation.class)
  void derivativeFromOutputMatchesCentralDifference(Activation f) {
    for (double s = -3.05; s < 3.0; s += 0.1) {
      double numeric = (f.apply(s + 1e-6) - f.apply(s - 1e-6)) / 2e-6;
      assertEquals(numeric, f.derivativeFromOutput(f.apply(s)), 1e-8, f + " at " + s);
    }
  }

  @Test
  void knownValues() {
    assertEquals(0.5, Activation.SIGMOID.apply(0.0));
    assertEquals(0.5, Activation.SOFTSIGN.apply(1.0));
    assertEquals(-0.75, Activation.SOFTSIGN.apply(-3.0));
    assertEquals(StrictMath.tanh(0.7), Activation.TANH.apply(0.7));
    assertEquals(0.0, Activation.RELU.apply(-2.0));
    assertEquals(-2.0, Activation.IDENTITY.apply(-2.0));
  }

  @Test
  void saturationRulesFollowThePaper() {
    assertTrue(Activation.SIGMOID.isSaturated(0.005));
    assertTrue(Activation.SIGMOID.isSaturated(0.995));
    assertFalse(Activation.SIGMOID.isSaturated(0.5));
    assertTrue(Activation.TANH.isSaturated(-0.995));
    assertFalse(Activation.TANH.isSaturated(0.98));
    assertTrue(Activation.SOFTSIGN.isSaturated(0.999));
    assertFalse(Activation.RELU.isSaturated(100.0));
  }
}
