package org.glorotsweep.sweep.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.sweep.grid.PlannedTrial;

/**
 * A sweep's trials split into those of groups without a search, which run to their end as a grid does, and
 * the races of the groups with one.
 *
 * @param unsearched the trials of groups without a search, in the sweep's order
 * @param races the races, by group in the sweep's order, then by model
 */
public record SearchPlan(List<PlannedTrial> unsearched, List<Race> races) {

  /** Copies the lists. */
  public SearchPlan {
    unsearched = List.copyOf(unsearched);
    races = List.copyOf(races);
  }

  /**
   * Splits {@code trials}.
   *
   * @param searches each searched group's policy, by group name. Not modified.
   */
  public static SearchPlan of(List<PlannedTrial> trials, Map<String, SearchPolicy> searches) {
    List<PlannedTrial> unsearched = new ArrayList<>();
    Map<String, List<PlannedTrial>> byGroup = new LinkedHashMap<>();
    for (PlannedTrial trial : trials) {
      if (searches.containsKey(trial.group())) {
        byGroup.computeIfAbsent(trial.group(), g -> new ArrayList<>()).add(trial);
      } else {
        unsearched.add(trial);
      }
    }
    List<Race> races = new ArrayList<>();
    byGroup.forEach((group, groupTrials) -> races.addAll(Race.of(group, searches.get(group), groupTrials)));
    return new SearchPlan(unsearched, races);
  }

  /**
   * The expected seconds of the sweep with its searches, given each trial's seconds run to its end: a race's
   * trials count {@link SearchPolicy#expectedShare} of their seconds (a trial's time taken as proportional to
   * its updates), the others all of theirs.
   */
  public double expectedSeconds(ToDoubleFunction<TrialSpec> secondsToEnd) {
    double seconds = unsearched.stream().mapToDouble(t -> secondsToEnd.applyAsDouble(t.spec())).sum();
    for (Race race : races) {
      double share = race.policy().expectedShare(race.arms().size(), race.updates());
      seconds += share * race.trials().stream().mapToDouble(t -> secondsToEnd.applyAsDouble(t.spec())).sum();
    }
    return seconds;
  }
}
