package org.glorotsweep.sweep.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --trials all|N|ID...} as parsed; which trials each picks is checked on Spark by ReproduceIT. */
class TrialChoiceTest {
  private static final String ID = "b324ddc72bb52cdfe1b22ff42d98b04f";
  private static final String OTHER = "41b4d276f386c193c8324f08c8e5eaeb";

  @Test
  void allACountOrIds() {
    assertEquals(TrialChoice.ALL, TrialChoice.parse(List.of("all")));
    assertEquals(new TrialChoice(3, List.of()), TrialChoice.parse(List.of("3")));
    assertEquals(new TrialChoice(0, List.of(OTHER, ID)), TrialChoice.parse(List.of(ID, OTHER, ID)));
  }

  @Test
  void anythingElseIsRefusedNamingTheValue() {
    assertEquals("--trials 0: expected a number of trials from 1 to 2147483647",
        assertThrows(IllegalArgumentException.class, () -> TrialChoice.parse(List.of("0"))).getMessage());
    assertEquals("--trials 99999999999: expected a number of trials from 1 to 2147483647",
        assertThrows(IllegalArgumentException.class, () -> TrialChoice.parse(List.of("99999999999"))).getMessage());
    assertEquals("--trials B324: expected all, a number N >= 1, or trial ids (32 lower-case hex digits, as"
        + " trials.trial_id)",
        assertThrows(IllegalArgumentException.class, () -> TrialChoice.parse(List.of(ID, "B324"))).getMessage());
    assertEquals("--trials all: expected all, a number N >= 1, or trial ids (32 lower-case hex digits, as"
        + " trials.trial_id)",
        assertThrows(IllegalArgumentException.class, () -> TrialChoice.parse(List.of("all", ID))).getMessage());
  }
}
