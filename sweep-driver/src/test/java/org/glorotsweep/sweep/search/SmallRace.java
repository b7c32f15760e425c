package org.glorotsweep.sweep.search;

import java.util.ArrayList;
import java.util.List;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.sweep.grid.PlannedTrial;

/**
 * A race small enough to decide by hand: one model, five learning rates of two repeats each, eta 3 from 100
 * updates to T = 900 (rungs 100, 300, 900). Trial ids are two letters, the rate's letter ({@code a} for the
 * largest rate, 0.1, ... {@code e} for the smallest, 0.001) and the repeat, so ties are easy to follow.
 */
final class SmallRace {
  static final double[] RATES = {0.001, 0.003, 0.01, 0.03, 0.1};
  static final SearchPolicy POLICY = new SearchPolicy(3, 100, RaceMetric.VALID_ERROR);

  private SmallRace() {}

  /** The race's trials, in the written order of a grid: rate by rate, repeat by repeat. */
  static List<PlannedTrial> trials() {
    List<PlannedTrial> trials = new ArrayList<>();
    for (int r = 0; r < RATES.length; r++) {
      for (int repeat = 0; repeat < 2; repeat++) {
        String id = (char) ('e' - r) + Integer.toString(repeat);
        trials.add(new PlannedTrial(id, "g", repeat, spec(RATES[r], repeat), "groups[0]"));
      }
    }
    return trials;
  }

  /** The race of {@link #trials}. */
  static Race race() {
    return Race.of("g", POLICY, trials()).get(0);
  }

  private static TrialSpec spec(double rate, long seed) {
    return new TrialSpec(
        new NetworkSpec(1024, List.of(8, 8), 9, Activation.TANH, Initializer.STANDARD, 1.0),
        new TrainingSpec(Cost.NLL, 10, rate, 900, Precision.FLOAT32),
        DataSpec.named("shapeset"),
        new MonitorSpec(false, 50, 0, 100, 0, 1, 0, 10),
        seed);
  }
}
