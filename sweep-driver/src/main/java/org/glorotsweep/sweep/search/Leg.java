package org.glorotsweep.sweep.search;

import java.io.Serializable;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.results.SearchColumns;

/**
 * What one task does with one trial: train it, from its checkpoint if it has one, until {@code stopAfter}
 * updates, then either commit its rows or, at a rung short of T that the race has yet to decide, pause: record
 * its metric there and keep its checkpoint.
 *
 * <ul>
 *   <li>{@code stopAfter} = T: the trial runs to its end and commits (an unsearched trial, or a finalist);
 *   <li>a rung u_k &lt; T, not stopped: the trial pauses at u_k ({@link #pauses});
 *   <li>a rung u_k with stop columns: the race stopped the trial there; it commits as stopped (resuming from
 *       its checkpoint at u_k it trains nothing).
 * </ul>
 *
 * <p>Whatever the leg, a trial that diverges, fails or times out before {@code stopAfter} commits then.
 *
 * @param trial the trial
 * @param from the update the leg is expected to start from (its last rung), for ordering the work only
 * @param stopAfter the update to stop after
 * @param metric the race's metric, recorded at a pause; null for a trial of a group without a search
 * @param search the trial's search columns; null for a trial of a group without a search
 */
public record Leg(PlannedTrial trial, long from, long stopAfter, RaceMetric metric, SearchColumns search)
    implements Serializable {

  /** A trial of a group without a search: from update 0 to T. */
  public static Leg toEnd(PlannedTrial trial) {
    return new Leg(trial, 0, trial.updates(), null, null);
  }

  /** Whether the leg ends in a pause at a rung short of T, to be decided by its race. */
  public boolean pauses() {
    return stopAfter < trial.updates() && (search == null || !search.stopped());
  }

  /** The index of the rung the leg pauses at (see {@link #pauses}). */
  public int rung() {
    return search.rungs().indexOf(stopAfter);
  }

  /** The leg's work relative to others: the trial's relative cost x (stopAfter - from) / T. */
  public double relativeWork() {
    return trial.updates() == 0 ? 0 : trial.relativeCost() * (stopAfter - from) / trial.updates();
  }
}
