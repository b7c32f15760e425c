package org.glorotsweep.sweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.junit.jupiter.api.Test;

/**
 * A sweep split into its races and its other trials, and the search's expected cost by hand: the small race's
 * 10 trials of 900 updates at 1 s per 100 updates cost 90 s as a grid; with the search 1500 of its 4500 rate
 * updates are trained (see {@link SearchPolicyTest}), 30 s. A trial of another group runs to its end.
 */
class SearchPlanTest {
  @Test
  void theSearchCountsItsShareOfEachRaceAndTheOtherGroupsWhole() {
    List<PlannedTrial> trials = new ArrayList<>(SmallRace.trials());
    PlannedTrial other = trials.get(0);
    trials.add(new PlannedTrial("f0", "grid", 0, other.spec().withSeed(99), "groups[1]"));
    SearchPlan plan = SearchPlan.of(trials, Map.of("g", SmallRace.POLICY));

    assertEquals(List.of("f0"), plan.unsearched().stream().map(PlannedTrial::trialId).toList());
    assertEquals(1, plan.races().size());
    Race race = plan.races().get(0);
    assertEquals(List.of(100L, 300L, 900L), race.rungs());
    assertEquals(List.of(0.001, 0.003, 0.01, 0.03, 0.1), race.arms().stream().map(Arm::learningRate).toList());
    assertEquals(List.of("e0", "e1"), race.arms().get(0).trialIds());
    assertEquals(30.0 + 9.0, plan.expectedSeconds(spec -> spec.training().updates() / 100.0), 1e-12);
  }
}
