package org.glorotsweep.sweep.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.results.SearchColumns;

/**
 * Where a race stands: the rung it is at, the learning rates still in it, and the trials it stopped, replayed
 * from its recorded decisions. Together with which trials are committed and which have reached the current
 * rung, it says what to run next ({@link #legs}) and when the rung is ready to be decided.
 */
public final class RaceState {
  private final Race race;
  private int rung;
  private List<Arm> alive;
  private final Map<String, SearchColumns> stops = new LinkedHashMap<>();

  private RaceState(Race race) {
    this.race = race;
    this.alive = race.arms();
  }

  /**
   * The state after {@code decisions}, the race's recorded decisions of rungs 0, 1, ... in order.
   *
   * @throws IllegalArgumentException when a decision is of another race, rung or search than this one's
   */
  public static RaceState replay(Race race, List<RungDecision> decisions) {
    RaceState state = new RaceState(race);
    decisions.forEach(state::apply);
    return state;
  }

  /**
   * Moves past the current rung as {@code decision} says.
   *
   * @throws IllegalArgumentException when the decision is of another race, rung or search
   */
  public void apply(RungDecision decision) {
    if (!decision.raceId().equals(race.id()) || decision.rung() != rung || isFinalLeg()
        || !decision.policy().equals(race.policy().toString())
        || decision.entering() != alive.size()) {
      throw new IllegalArgumentException(
          "the recorded decision of race " + decision.raceId() + " rung " + decision.rung() + " under '"
              + decision.policy() + "' (" + decision.entering() + " learning rates) does not follow race "
              + race.id() + " at rung " + rung + " under '" + race.policy() + "' (" + alive.size()
              + " learning rates): the search was changed after it started");
    }
    List<Arm> promoted = new ArrayList<>();
    for (RungDecision.Verdict verdict : decision.verdicts()) {
      Arm arm = alive.stream().filter(a -> a.trialIds().equals(verdict.trialIds())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("race " + race.id() + " rung " + decision.rung()
              + " names trials " + verdict.trialIds() + ", which are not a learning rate in the race"));
      if (verdict.promoted()) {
        promoted.add(arm);
      } else {
        SearchColumns stop = new SearchColumns(race.rungs(), rung, race.policy().metric().configName(),
            verdict.value(), verdict.rank(), decision.reason(verdict, race.policy().metric()));
        arm.trialIds().forEach(id -> stops.put(id, stop));
      }
    }
    alive = List.copyOf(promoted);
    rung++;
  }

  /** The race. */
  public Race race() {
    return race;
  }

  /** The current rung k: the first undecided one. */
  public int rung() {
    return rung;
  }

  /** Whether the current leg runs to T: the last rung, or a single learning rate left (or none). */
  public boolean isFinalLeg() {
    return rung == race.rungs().size() - 1 || alive.size() <= 1;
  }

  /** The trials still in the race. */
  public List<String> aliveTrialIds() {
    return alive.stream().flatMap(a -> a.trialIds().stream()).toList();
  }

  /**
   * The legs to run now: every stopped trial not yet committed (to commit it as stopped), and every trial
   * still in the race that is neither committed nor, short of T, paused at the current rung.
   *
   * @param committed the sweep's committed trial ids. Not modified.
   * @param reached the trials paused at the current rung. Not modified.
   */
  public List<Leg> legs(Set<String> committed, Set<String> reached) {
    List<Leg> legs = new ArrayList<>();
    for (PlannedTrial trial : race.trials()) {
      SearchColumns stop = stops.get(trial.trialId());
      if (stop != null && !committed.contains(trial.trialId())) {
        long at = race.rungs().get(stop.stoppedAtRung());
        legs.add(new Leg(trial, at, at, race.policy().metric(), stop));
      }
    }
    long from = rung == 0 ? 0 : race.rungs().get(rung - 1);
    long target = isFinalLeg() ? race.updates() : race.rungs().get(rung);
    for (Arm arm : alive) {
      for (PlannedTrial trial : arm.repeats()) {
        String id = trial.trialId();
        if (!committed.contains(id) && (isFinalLeg() || !reached.contains(id))) {
          legs.add(new Leg(trial, from, target, race.policy().metric(), SearchColumns.notStopped(race.rungs())));
        }
      }
    }
    return legs;
  }

  /**
   * Whether the current rung can be decided: it is not the final leg, some rate is still in the race, and
   * every trial in it is committed (it ended early) or paused at the rung.
   */
  public boolean awaitsDecision(Set<String> committed, Set<String> reached) {
    return !isFinalLeg()
        && aliveTrialIds().stream().allMatch(id -> committed.contains(id) || reached.contains(id));
  }

  /** Decides the current rung (see {@link RungDecision#decide}). */
  public RungDecision decide(Map<String, Double> reached) {
    return RungDecision.decide(race, rung, alive, reached);
  }
}
