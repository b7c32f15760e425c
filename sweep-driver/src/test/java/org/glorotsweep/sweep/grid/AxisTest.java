package org.glorotsweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.glorotsweep.core.choice.Activation;
import org.junit.jupiter.api.Test;

/** Axis lookup and the checks each axis borrows from the spec records. */
class AxisTest {

  @Test
  void everyAxisIsFoundByItsKey() {
    for (Axis axis : Axis.values()) {
      assertEquals(Optional.of(axis), Axis.forKey(axis.configName()));
    }
    assertEquals(Optional.empty(), Axis.forKey("repeats"));
  }

  @Test
  void validValuesPass() {
    Axis.DEPTH.check(0);
    Axis.HIDDEN_WIDTHS.check(List.of(3, 1));
    Axis.ACTIVATION.check(Activation.SOFTSIGN);
    Axis.UPDATES.check(0L);
  }

  @Test
  void invalidValuesFailWithTheSpecsMessage() {
    assertEquals(
        "network.hidden_widths[0]: 0 is not allowed; expected an integer >= 1",
        assertThrows(IllegalArgumentException.class, () -> Axis.WIDTH.check(0)).getMessage());
    assertEquals(
        "training.learning_rate: NaN is not allowed; expected a finite number > 0",
        assertThrows(IllegalArgumentException.class, () -> Axis.LEARNING_RATE.check(Double.NaN)).getMessage());
    assertEquals(
        "network.init_gain: Infinity is not allowed; expected a finite number > 0",
        assertThrows(IllegalArgumentException.class, () -> Axis.INIT_GAIN.check(Double.POSITIVE_INFINITY))
            .getMessage());
    assertEquals(
        "repeat: -1 is not allowed; expected an integer >= 0",
        assertThrows(IllegalArgumentException.class, () -> Axis.REPEAT.check(-1)).getMessage());
  }

  @Test
  void aValueOfTheWrongJavaTypeIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> Axis.DEPTH.check("2"));
  }
}
