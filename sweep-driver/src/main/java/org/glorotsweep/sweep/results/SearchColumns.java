package org.glorotsweep.sweep.results;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code trials} columns of a trial in a search: its race's rung updates, and for a trial the search
 * stopped, where and why. The stop fields are null for a trial that was not stopped; {@code metricValue} and
 * {@code rank} are also null when its learning rate could not be ranked (a repeat ended before the rung).
 *
 * @param rungs the rung updates u_0 &lt; ... &lt; T of its race
 * @param stoppedAtRung the rung (0 = the first) after which it was stopped
 * @param metric the race's metric, e.g. valid_error
 * @param metricValue its learning rate's metric at that rung: the mean over repeats that the race ranked
 * @param rank that learning rate's rank at the rung (1 = best)
 * @param reason the decision in words
 */
public record SearchColumns(
    List<Long> rungs, Integer stoppedAtRung, String metric, Double metricValue, Integer rank, String reason)
    implements Serializable {

  /** Copies the rungs. */
  public SearchColumns {
    rungs = List.copyOf(rungs);
  }

  /** The columns of a searched trial that was not stopped. */
  public static SearchColumns notStopped(List<Long> rungs) {
    return new SearchColumns(rungs, null, null, null, null, null);
  }

  /** Whether the search stopped the trial. */
  public boolean stopped() {
    return stoppedAtRung != null;
  }
}
