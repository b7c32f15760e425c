package org.glorotsweep.core.testing;

import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;

/** Trial specs on {@link SeparableClusters} for tests. */
public final class Specs {
  private Specs() {}

  /** A tanh net with normalized init and NLL on an 8-input, 3-class cluster problem. */
  public static TrialSpec clusters(
      int depth, int width, double learningRate, long updates, Precision precision, long seed) {
    return clusters(Activation.TANH, depth, width, learningRate, updates, precision, seed);
  }

  /** A net of the given activation with normalized init and NLL on the cluster problem. */
  public static TrialSpec clusters(
      Activation activation, int depth, int width, double learningRate, long updates,
      Precision precision, long seed) {
    return new TrialSpec(
        NetworkSpec.uniform(8, depth, width, 3, activation, Initializer.NORMALIZED),
        new TrainingSpec(Cost.NLL, 10, learningRate, updates, precision),
        DataSpec.named("separable-clusters"),
        MonitorSpec.CURVES_ONLY,
        seed);
  }
}
