package org.glorotsweep.core;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetProvider;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.monitor.LayerMonitor;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.result.Provenance;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;

/**
 * The one call the sweep driver makes: {@code TrialResult run(TrialSpec)}. It loads the data set, draws the
 * initial weights, trains with SGD in the spec's precision, measures the layers at every point when
 * {@code monitor.enabled} (see {@link LayerMonitor}) and returns everything measured. The result is a
 * function of the spec alone (and of the kernel, recorded in its provenance), whatever thread or JVM runs
 * it; divergence and time-outs are results, not exceptions.
 */
public final class TrialRunner {
  private final DatasetProvider datasets;

  /** A runner that finds data sets through {@code datasets}. */
  public TrialRunner(DatasetProvider datasets) {
    this.datasets = datasets;
  }

  /** Runs a trial with no time limit. */
  public TrialResult run(TrialSpec spec) throws IOException {
    return run(spec, null);
  }

  /**
   * Runs a trial. Interrupting the calling thread cancels it: training stops within one update and the
   * call throws {@link CancellationException} (a cancelled trial has no result).
   *
   * @param timeLimit the wall-clock limit after which the trial stops with status timeout; null for none
   * @throws IOException when the data set cannot be loaded
   * @throws CancellationException when the thread was interrupted
   * @throws IllegalArgumentException when the data set's shape does not match the network's
   */
  public TrialResult run(TrialSpec spec, Duration timeLimit) throws IOException {
    long start = System.nanoTime();
    Dataset dataset = datasets.load(spec.data());
    checkShape(spec.network(), dataset);
    BooleanSupplier timeUp = new Deadline(start, timeLimit == null ? null : timeLimit.toNanos());
    return train(spec, dataset, KernelChoice.forPrecision(spec.training().precision()), start, timeUp);
  }

  private static <M extends ReshapeMatrix> TrialResult train(
      TrialSpec spec, Dataset dataset, Kernels<M> kernels, long start, BooleanSupplier timeUp) {
    TrialRandom random = new TrialRandom(spec.seed());
    Network<M> network = Network.initialize(spec.network(), kernels, random.initialization());
    MeasurementSchedule schedule = MeasurementSchedule.of(spec.monitor(), spec.training().updates());
    Trainer<M> trainer =
        new Trainer<>(
            network, spec.training(), dataset, random, schedule, spec.monitor().evaluationExamples());
    Optional<LayerMonitor<M>> monitor =
        spec.monitor().enabled()
            ? Optional.of(new LayerMonitor<>(network, spec.monitor(), spec.training(), dataset.test(), schedule))
            : Optional.empty();
    Trainer.Outcome outcome =
        trainer.train(timeUp, monitor.<Trainer.PointObserver<M>>map(m -> m).orElse((update, end, net) -> {}));
    Provenance provenance = Provenance.ofThisJvm(kernels.matMul().name(), dataset.fingerprint());
    return new TrialResult(
        spec,
        outcome.status(),
        outcome.updatesDone(),
        outcome.divergedAtUpdate(),
        List.copyOf(outcome.curve()),
        monitor.map(LayerMonitor::statistics).orElse(List.of()),
        monitor.map(LayerMonitor::histograms).orElse(List.of()),
        network.sha256(),
        provenance,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * True once {@code limitNanos} (null: no limit) have passed since {@code start} on the monotonic clock;
   * throws when the thread has been interrupted, which cancels the trial.
   */
  private record Deadline(long start, Long limitNanos) implements BooleanSupplier {
    @Override
    public boolean getAsBoolean() {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("trial cancelled: its thread was interrupted");
      }
      return limitNanos != null && System.nanoTime() - start >= limitNanos;
    }
  }

  private static void checkShape(NetworkSpec network, Dataset dataset) {
    if (network.inputSize() != dataset.inputSize() || network.classes() != dataset.classes()) {
      throw new IllegalArgumentException(
          "data set '" + dataset.name() + "' has " + dataset.inputSize() + " inputs and "
              + dataset.classes() + " classes, but network.input_size is " + network.inputSize()
              + " and network.classes is " + network.classes());
    }
  }
}
