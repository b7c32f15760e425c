package org.glorotsweep.sweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.glorotsweep.sweep.results.SearchColumns;
import org.junit.jupiter.api.Test;

/**
 * A race decided by hand ({@link SmallRace}: rates 0.001 (e), 0.003 (d), 0.01 (c), 0.03 (b), 0.1 (a), two
 * repeats each, eta 3, rungs 100, 300, 900).
 *
 * <p>Rung 0, the metrics at update 100: e 0.60 and 0.62 (mean 0.61), d 0.50 and 0.40 (0.45), c 0.30 and 0.40
 * (0.35), b 0.35 and 0.35 (0.35, a tie with c broken by the smaller trial id, b0 &lt; c0), and a0 0.20 while a1
 * diverged before the rung (a is not ranked, however good a0 was). Five rates entered, ceil(5/3) = 2 go on: b
 * (rank 1) and c (rank 2); d ranks 3, e 4. Rung 1, at update 300: c 0.25 and 0.27 (0.26), b 0.30 and 0.30: of
 * two, ceil(2/3) = 1 goes on, c; one rate left runs to T = 900.
 */
class RungDecisionTest {
  private static final Map<String, Double> RUNG0 = Map.of(
      "e0", 0.60, "e1", 0.62, "d0", 0.50, "d1", 0.40, "c0", 0.30, "c1", 0.40, "b0", 0.35, "b1", 0.35, "a0", 0.20);
  private static final Map<String, Double> RUNG1 = Map.of("c0", 0.25, "c1", 0.27, "b0", 0.30, "b1", 0.30);

  @Test
  void rungZeroKeepsTheBestTwoOfFiveRatesTiesByTrialId() {
    RaceState state = RaceState.replay(SmallRace.race(), List.of());
    assertTrue(state.awaitsDecision(Set.of("a1"), RUNG0.keySet()));
    RungDecision decision = state.decide(RUNG0);

    assertEquals(List.of("e:4:false", "d:3:false", "c:2:true", "b:1:true", "a:null:false"), summary(decision));
    assertEquals(0.35, decision.verdicts().get(3).value());
    assertEquals(0.45, decision.verdicts().get(1).value(), 1e-15);
    assertNull(decision.verdicts().get(4).value());
    assertEquals(100, decision.update());
    assertEquals(2, decision.kept());
  }

  @Test
  void theRaceStopsTheLosersWhereTheyStandAndContinuesTheOthersToTheNextRung() {
    RaceState state = RaceState.replay(SmallRace.race(), List.of());
    assertEquals(10, state.legs(Set.of(), Set.of()).size(), "every trial runs to the first rung");
    assertTrue(state.legs(Set.of(), Set.of()).stream().allMatch(l -> l.stopAfter() == 100 && l.pauses()));
    state.apply(state.decide(RUNG0));

    Map<String, Leg> legs = state.legs(Set.of("a1"), Set.of()).stream()
        .collect(Collectors.toMap(l -> l.trial().trialId(), l -> l, (x, y) -> x, TreeMap::new));
    assertEquals(Set.of("a0", "b0", "b1", "c0", "c1", "d0", "d1", "e0", "e1"), legs.keySet());
    for (String stopped : List.of("a0", "d0", "d1", "e0", "e1")) {
      Leg leg = legs.get(stopped);
      assertEquals(100, leg.stopAfter());
      assertFalse(leg.pauses());
      assertEquals(0, leg.search().stoppedAtRung());
    }
    SearchColumns d = legs.get("d1").search();
    assertEquals(List.of(100L, 300L, 900L), d.rungs());
    assertEquals("valid_error", d.metric());
    assertEquals(3, d.rank());
    assertEquals("stopped at rung 0 (update 100): mean valid_error 0.45 over 2 repeat(s) ranked 3 of 4; the best 2"
        + " of the 5 learning rates that entered went on", d.reason());
    assertNull(legs.get("a0").search().rank());
    assertTrue(legs.get("a0").search().reason().contains("could not be ranked"), legs.get("a0").search().reason());
    for (String promoted : List.of("b0", "b1", "c0", "c1")) {
      Leg leg = legs.get(promoted);
      assertEquals(300, leg.stopAfter());
      assertEquals(100, leg.from());
      assertTrue(leg.pauses());
      assertFalse(leg.search().stopped());
    }
  }

  @Test
  void rungOneKeepsOneRateWhichRunsToTheEnd() {
    RaceState state = RaceState.replay(SmallRace.race(), List.of());
    state.apply(state.decide(RUNG0));
    Set<String> committed = Set.of("a0", "a1", "d0", "d1", "e0", "e1");
    assertTrue(state.awaitsDecision(committed, RUNG1.keySet()));
    RungDecision decision = state.decide(RUNG1);
    assertEquals(List.of("c:1:true", "b:2:false"), summary(decision));
    state.apply(decision);

    assertTrue(state.isFinalLeg());
    assertFalse(state.awaitsDecision(committed, Set.of()));
    Map<String, Long> stops = new TreeMap<>();
    state.legs(committed, Set.of()).forEach(l -> stops.put(l.trial().trialId(), l.stopAfter()));
    assertEquals(Map.of("b0", 300L, "b1", 300L, "c0", 900L, "c1", 900L), stops);
  }

  @Test
  void theDecisionDependsOnTheMetricsOnlyNotOnTheOrderTheyArrived() {
    RungDecision reference = RaceState.replay(SmallRace.race(), List.of()).decide(RUNG0);
    Random random = new Random(5);
    for (int i = 0; i < 20; i++) {
      List<String> ids = new ArrayList<>(RUNG0.keySet());
      Collections.shuffle(ids, random);
      Map<String, Double> arrived = new LinkedHashMap<>();
      ids.forEach(id -> arrived.put(id, RUNG0.get(id)));
      List<Arm> entering = new ArrayList<>(SmallRace.race().arms());
      Collections.shuffle(entering, random);
      assertEquals(reference, RungDecision.decide(SmallRace.race(), 0, entering, arrived));
    }
  }

  @Test
  void aRecordedDecisionReadsBackAndReplaysToTheSameState() {
    RaceState live = RaceState.replay(SmallRace.race(), List.of());
    RungDecision first = live.decide(RUNG0);
    live.apply(first);
    RungDecision second = live.decide(RUNG1);
    live.apply(second);
    assertEquals(first, RungDecision.parse(first.toText()));
    assertEquals(second, RungDecision.parse(second.toText()));

    RaceState replayed =
        RaceState.replay(SmallRace.race(), List.of(RungDecision.parse(first.toText()), RungDecision.parse(second.toText())));
    Set<String> committed = Set.of("a1");
    assertEquals(live.legs(committed, Set.of()), replayed.legs(committed, Set.of()));
    assertEquals(new RungResult("c1", 1, 300, 0.27), RungResult.parse(new RungResult("c1", 1, 300, 0.27).toText()));
  }

  @Test
  void aDecisionUnderAnotherSearchIsNotReplayed() {
    RungDecision decision = RaceState.replay(SmallRace.race(), List.of()).decide(RUNG0);
    RungDecision otherEta = new RungDecision(decision.raceId(), 0, 100,
        "successive_halving eta=2 min_updates=100 metric=valid_error", decision.entering(), decision.verdicts());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RaceState.replay(SmallRace.race(), List.of(otherEta)));
    assertTrue(e.getMessage().contains("the search was changed after it started"), e.getMessage());
  }

  /** Each verdict as {@code letter:rank:promoted}, by learning rate. */
  private static List<String> summary(RungDecision decision) {
    Map<Double, String> letters = new HashMap<>();
    for (int r = 0; r < SmallRace.RATES.length; r++) {
      letters.put(SmallRace.RATES[r], String.valueOf((char) ('e' - r)));
    }
    return decision.verdicts().stream()
        .map(v -> letters.get(v.learningRate()) + ":" + v.rank() + ":" + v.promoted()).toList();
  }
}
