package org.glorotsweep.sweep.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --tolerance KEY=VALUE}: the defaults, overrides, and errors that name what is wrong. */
class TolerancesTest {

  @Test
  void noPairsGiveTheDefaultsAndPairsOverrideThemInOrder() {
    assertEquals(Tolerances.DEFAULT, Tolerances.parse(List.of()));
    assertEquals(new Tolerances(0.02, 0.01, 0.0, 1e-6, 0.05),
        Tolerances.parse(List.of("error=0.5", "stats=0", "histogram=5e-2", "error=0.02")));
    assertEquals("error=0.01 nll=0.01 stats=0.01 floor=1.0E-6 histogram=0.01", Tolerances.DEFAULT.toString());
    assertEquals(Tolerances.DEFAULT, Tolerances.parse(List.of(Tolerances.DEFAULT.toString().split(" "))));
  }

  @Test
  void aBadPairNamesItselfAndWhatIsAllowed() {
    assertMessage("--tolerance curves=0.1: unknown key 'curves'; allowed: error, nll, stats, floor, histogram",
        "curves=0.1");
    assertMessage("--tolerance nll: expected KEY=VALUE with KEY one of error, nll, stats, floor, histogram", "nll");
    assertMessage("--tolerance nll=lots: value 'lots' of nll is not a number; expected one >= 0", "nll=lots");
    assertMessage("--tolerance error=-0.1: expected a finite number >= 0", "error=-0.1");
    assertMessage("--tolerance floor=Infinity: expected a finite number >= 0", "floor=Infinity");
    assertMessage("--tolerance stats=NaN: expected a finite number >= 0", "stats=NaN");
  }

  private static void assertMessage(String expected, String pair) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tolerances.parse(List.of(pair)));
    assertEquals(expected, e.getMessage());
  }
}
