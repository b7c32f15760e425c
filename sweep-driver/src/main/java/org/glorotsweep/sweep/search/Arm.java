package org.glorotsweep.sweep.search;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.glorotsweep.sweep.grid.PlannedTrial;

/**
 * One learning rate of a race: its repeats, which enter, continue and stop together.
 *
 * @param learningRate the rate
 * @param repeats its trials, by trial id
 */
public record Arm(double learningRate, List<PlannedTrial> repeats) implements Serializable {

  /** Sorts the repeats by trial id; rejects an arm without one. */
  public Arm {
    if (repeats.isEmpty()) {
      throw new IllegalArgumentException("an arm needs at least one trial");
    }
    repeats = repeats.stream().sorted(Comparator.comparing(PlannedTrial::trialId)).toList();
  }

  /** The arm's key, its smallest trial id: the tie-break after the metric, the same on any cluster. */
  public String key() {
    return repeats.get(0).trialId();
  }

  /** The repeats' trial ids, sorted. */
  public List<String> trialIds() {
    return repeats.stream().map(PlannedTrial::trialId).toList();
  }
}
