package org.glorotsweep.sweep.grid;

import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * What decides a trial's cost. Two trials of the same {@linkplain #shapeOf shape} cost the same per update and
 * per measurement point, so one measurement per shape ({@link TrialCostSource}) prices every trial of a sweep
 * (see {@link SweepEstimate}).
 *
 * <p>The {@linkplain #relativeCost relative cost} orders trials before anything is measured: updates x batch
 * size x P, with P the network's parameter count, proportional to the training flops (about 6 per parameter
 * and example: a multiply-add each in the forward pass, the backward pass and the weight update).
 */
public final class CostModel {
  private static final double SHAPE_LEARNING_RATE = 1.0;

  private CostModel() {}

  /** updates x batch size x parameter count: proportional to a trial's training time. */
  public static double relativeCost(TrialSpec spec) {
    return (double) spec.training().updates()
        * spec.training().batchSize()
        * spec.network().parameterCount();
  }

  /**
   * The spec with everything that does not change the cost of an update or a measurement point set to one
   * value: seed 0, 0 updates, learning rate 1, standard initialisation with gain 1. What is left (widths,
   * activation, cost, batch size, precision, data set and monitoring) is the trial's shape.
   */
  public static TrialSpec shapeOf(TrialSpec spec) {
    NetworkSpec n = spec.network();
    TrainingSpec t = spec.training();
    return new TrialSpec(
        new NetworkSpec(n.inputSize(), n.hiddenWidths(), n.classes(), n.activation(), Initializer.STANDARD, 1.0),
        new TrainingSpec(t.cost(), t.batchSize(), SHAPE_LEARNING_RATE, 0, t.precision()),
        spec.data(),
        spec.monitor(),
        0);
  }
}
