package org.glorotsweep.core.result;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * Everything a trial produced, as data: how it ended, its learning curves, its per-layer traces, a digest of
 * its final weights, and the provenance that qualifies the bits.
 *
 * @param spec the spec that was run
 * @param status how the trial ended
 * @param updatesDone the number of SGD updates applied
 * @param divergedAtUpdate for {@link TrialStatus#DIVERGED}, the 1-based number of the update whose mini-batch
 *     cost was not finite (that update was not applied); empty otherwise
 * @param curve the learning curves, in update order, starting at update 0
 * @param testExamples the number of test examples N behind each curve point's test error (the whole test set,
 *     or its first {@code monitor.evaluation_examples}): an error e is a proportion of N, so its sampling
 *     variance over test sets is e(1 - e)/N
 * @param layerStatistics the per-layer statistics of every measurement point, in update order (empty when
 *     monitoring is disabled)
 * @param histograms the per-layer histograms of every measurement point, in update order (empty when
 *     monitoring is disabled)
 * @param weightsSha256 SHA-256 of the final parameters' raw bits (see
 *     {@link org.glorotsweep.core.nn.Network#sha256()})
 * @param provenance the code, runtime, kernel and data the result came from
 * @param wallTime the trial's wall-clock time on its executors, summed over the runs a resumed trial took (not
 *     part of the deterministic result)
 * @param resumedFromUpdate the update of the checkpoint this run resumed from; empty when it started at update
 *     0 (not part of the deterministic result: a resumed trial's other fields equal an uninterrupted run's)
 */
public record TrialResult(
    TrialSpec spec,
    TrialStatus status,
    long updatesDone,
    OptionalLong divergedAtUpdate,
    List<CurvePoint> curve,
    int testExamples,
    List<LayerStatistics> layerStatistics,
    List<Histogram> histograms,
    String weightsSha256,
    Provenance provenance,
    Duration wallTime,
    OptionalLong resumedFromUpdate) {

  /** Copies the curve and the traces into unmodifiable lists. */
  public TrialResult {
    curve = List.copyOf(curve);
    layerStatistics = List.copyOf(layerStatistics);
    histograms = List.copyOf(histograms);
  }

  /** The last measured point: after the last update applied, whether training ended or stopped early. */
  public CurvePoint lastPoint() {
    return curve.get(curve.size() - 1);
  }

  /** The point with the lowest validation error (the earliest of equals), as used for model selection. */
  public CurvePoint bestValidationPoint() {
    return curve.stream()
        .min(Comparator.comparingDouble((CurvePoint p) -> p.validation().error()))
        .orElseThrow();
  }
}
