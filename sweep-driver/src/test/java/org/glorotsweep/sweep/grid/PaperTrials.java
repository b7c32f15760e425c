package org.glorotsweep.sweep.grid;

import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;

/** Specs of the paper's Table 1 trials, for the grid tests. */
final class PaperTrials {
  private PaperTrials() {}

  /** A tanh 5x1000 net on Shapeset trained for the paper's 5 million updates of batch 10. */
  static TrialSpec tanh5x1000(Initializer init, long seed) {
    return new TrialSpec(
        NetworkSpec.uniform(1024, 5, 1000, 9, Activation.TANH, init),
        new TrainingSpec(Cost.NLL, 10, 0.01, 5_000_000, Precision.FLOAT32),
        DataSpec.named("shapeset"),
        MonitorSpec.DEFAULT,
        seed);
  }
}
