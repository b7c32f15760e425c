package org.glorotsweep.core.train;

import java.util.List;
import org.glorotsweep.core.result.CurvePoint;

/**
 * Where a {@link Trainer}'s loop stands between two updates, apart from the network it trains and the monitor
 * that observes it: everything a resumed loop needs to continue as if it had never stopped.
 *
 * @param updatesDone the updates applied
 * @param examplesDrawn the training stream's position (see {@link
 *     org.glorotsweep.core.data.TrainingStream#examplesDrawn}); with the trial's seed, the whole state of the
 *     data-order random stream
 * @param costSum the sum of the mini-batch costs (mean cost per example times rows) since the last point
 * @param costExamples the number of examples in that sum
 * @param curve the learning curves measured so far, in update order, starting at update 0
 */
public record TrainingProgress(
    long updatesDone, long examplesDrawn, double costSum, long costExamples, List<CurvePoint> curve) {

  /** Rejects negative counts and an empty curve, and copies the curve. */
  public TrainingProgress {
    if (updatesDone < 0 || examplesDrawn < 0 || costExamples < 0 || curve.isEmpty()) {
      throw new IllegalArgumentException(
          "training progress needs counts >= 0 and a curve from update 0, got updates " + updatesDone
              + ", examples " + examplesDrawn + ", cost examples " + costExamples + ", " + curve.size()
              + " curve points");
    }
    curve = List.copyOf(curve);
  }
}
