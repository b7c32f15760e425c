package org.glorotsweep.sweep.grid;

import java.io.IOException;
import org.glorotsweep.core.TrialCosts;
import org.glorotsweep.core.spec.TrialSpec;

/** Where the costs of a trial shape come from: a short measurement on the driver, see {@link SweepEstimate}. */
@FunctionalInterface
public interface TrialCostSource {

  /**
   * The costs of trials of {@code shape}.
   *
   * @param shape a spec as {@link CostModel#shapeOf} returns it
   * @throws IOException when the shape's data set cannot be loaded
   */
  TrialCosts costsOf(TrialSpec shape) throws IOException;
}
