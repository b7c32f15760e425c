package org.glorotsweep.core.checkpoint;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.glorotsweep.core.result.Histogram;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.train.TrainingProgress;

/**
 * A trial's complete training state between two updates: with its spec, everything needed to continue it and
 * end with the bits of a run that never stopped.
 *
 * <p>The random streams need no field of their own: all of them are split from the spec's seed (see {@link
 * org.glorotsweep.core.train.TrialRandom}); the initialisation stream is spent once the weights are drawn (and
 * the weights are here), the data-order stream is wherever the training stream's position puts it, and the
 * monitoring stream is never drawn from during training.
 *
 * @param identity the spec, maths version, kernel and data it belongs to
 * @param elapsedNanos the wall time the trial had trained for when the checkpoint was taken, counted against
 *     its time limit after a resume
 * @param progress the training loop's state: update count, stream position, running cost, learning curves
 * @param statistics the monitor's statistics so far (empty when monitoring is off)
 * @param histograms the monitor's histograms so far (empty when monitoring is off)
 * @param weights W^0..W^L as float64 copies (exact for float32 networks). Not modified by readers.
 * @param biases b^0..b^L as float64 copies. Not modified by readers.
 */
public record TrialCheckpoint(
    CheckpointIdentity identity,
    long elapsedNanos,
    TrainingProgress progress,
    List<LayerStatistics> statistics,
    List<Histogram> histograms,
    List<DMatrixRMaj> weights,
    List<DMatrixRMaj> biases) {

  /** Copies the lists (not the matrices) and checks the layers pair up. */
  public TrialCheckpoint {
    if (weights.size() != biases.size() || weights.isEmpty() || elapsedNanos < 0) {
      throw new IllegalArgumentException(
          "a checkpoint needs one bias per weight matrix and elapsed >= 0, got " + weights.size() + " weights, "
              + biases.size() + " biases, elapsed " + elapsedNanos + " ns");
    }
    statistics = List.copyOf(statistics);
    histograms = List.copyOf(histograms);
    weights = List.copyOf(weights);
    biases = List.copyOf(biases);
  }

  /** The number of updates the trial had done. */
  public long update() {
    return progress.updatesDone();
  }
}
