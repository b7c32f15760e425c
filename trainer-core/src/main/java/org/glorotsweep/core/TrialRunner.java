package org.glorotsweep.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.checkpoint.CheckpointFormat;
import org.glorotsweep.core.checkpoint.CheckpointIdentity;
import org.glorotsweep.core.checkpoint.CheckpointStore;
import org.glorotsweep.core.checkpoint.InvalidCheckpointException;
import org.glorotsweep.core.checkpoint.TrialCheckpoint;
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
import org.glorotsweep.core.train.CheckpointInterval;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;

/**
 * The one call the sweep driver makes: {@code TrialResult run(TrialSpec)}. It loads the data set, draws the
 * initial weights, trains with SGD in the spec's precision, measures the layers at every point when
 * {@code monitor.enabled} (see {@link LayerMonitor}) and returns everything measured. The result is a
 * function of the spec alone (and of the kernel, recorded in its provenance), whatever thread or JVM runs
 * it; divergence and time-outs are results, not exceptions. A trial can save checkpoints as it goes and resume
 * from one (see {@link org.glorotsweep.core.checkpoint}).
 */
public final class TrialRunner {
  private final DatasetProvider datasets;

  /** A runner that finds data sets through {@code datasets}. */
  public TrialRunner(DatasetProvider datasets) {
    this.datasets = datasets;
  }

  /** Runs a trial with no time limit and no checkpoints. */
  public TrialResult run(TrialSpec spec) throws IOException {
    return run(spec, null);
  }

  /**
   * Runs a trial with no checkpoints (see {@link #run(TrialSpec, Duration, CheckpointInterval, CheckpointStore)}).
   */
  public TrialResult run(TrialSpec spec, Duration timeLimit) throws IOException {
    return run(spec, timeLimit, CheckpointInterval.NEVER, CheckpointStore.NONE);
  }

  /**
   * Runs a trial, from the store's latest checkpoint when that is one of this spec, maths version, kernel and
   * data (otherwise the store is told why not and the trial starts at update 0), saving a checkpoint to the
   * store every {@code interval}. Interrupting the calling thread cancels the trial: training stops within one
   * update and the call throws {@link CancellationException} (a cancelled trial has no result).
   *
   * <p>A resumed trial's result equals an uninterrupted run's bit for bit, apart from its wall time (the sum
   * of its runs') and {@link TrialResult#resumedFromUpdate}. The time limit counts the wall time trained
   * before the checkpoint too.
   *
   * @param timeLimit the wall-clock limit after which the trial stops with status timeout; null for none
   * @param interval how often to save a checkpoint
   * @param checkpoints where checkpoints are resumed from and saved to
   * @throws IOException when the data set cannot be loaded
   * @throws CancellationException when the thread was interrupted
   * @throws IllegalArgumentException when the data set's shape does not match the network's
   */
  public TrialResult run(
      TrialSpec spec, Duration timeLimit, CheckpointInterval interval, CheckpointStore checkpoints)
      throws IOException {
    return run(spec, timeLimit, interval, checkpoints, spec.training().updates());
  }

  /**
   * Runs a trial as {@link #run(TrialSpec, Duration, CheckpointInterval, CheckpointStore)} does, but pauses
   * after update {@code stopAfter}, a measurement point of the trial's schedule: short of the spec's updates
   * T, the result has status {@link org.glorotsweep.core.result.TrialStatus#STOPPED}, its curves and traces
   * end at that point, and the store holds the checkpoint of exactly that update, from which a later run
   * continues (to T, or to a later pause) with the bits of a run that never paused. A run asked to stop where
   * its checkpoint already is trains nothing and returns the checkpoint's state as the result. A checkpoint
   * beyond {@code stopAfter} is not resumed from (the store hears why).
   *
   * @param stopAfter the update to pause after, a measurement point in [0, T]; T runs the trial to its end
   * @throws IllegalArgumentException when {@code stopAfter} is not a measurement point in [0, T]
   */
  public TrialResult run(
      TrialSpec spec, Duration timeLimit, CheckpointInterval interval, CheckpointStore checkpoints,
      long stopAfter) throws IOException {
    long start = System.nanoTime();
    Dataset dataset = datasets.load(spec.data());
    checkShape(spec.network(), dataset);
    Kernels<?> kernels = KernelChoice.forPrecision(spec.training().precision());
    CheckpointIdentity identity = CheckpointIdentity.of(spec, kernels.matMul().name(), dataset.fingerprint());
    Optional<TrialCheckpoint> resume = latest(spec, identity, checkpoints, stopAfter);
    // the trial's start as if it had never stopped: the time limit and the wall time count earlier runs
    long origin = start - resume.map(TrialCheckpoint::elapsedNanos).orElse(0L);
    BooleanSupplier timeUp = new Deadline(origin, timeLimit == null ? null : timeLimit.toNanos());
    return train(
        spec, dataset, kernels, new Run(identity, origin, timeUp, resume, interval, checkpoints, stopAfter));
  }

  /** What one run of a trial starts from and saves to. */
  private record Run(
      CheckpointIdentity identity,
      long origin,
      BooleanSupplier timeUp,
      Optional<TrialCheckpoint> resume,
      CheckpointInterval interval,
      CheckpointStore checkpoints,
      long stopAfter) {}

  private static <M extends ReshapeMatrix> TrialResult train(
      TrialSpec spec, Dataset dataset, Kernels<M> kernels, Run run) {
    TrialRandom random = new TrialRandom(spec.seed());
    Network<M> network =
        run.resume().isPresent()
            ? Network.of(spec.network(), kernels, run.resume().get().weights(), run.resume().get().biases())
            : Network.initialize(spec.network(), kernels, random.initialization());
    MeasurementSchedule schedule = MeasurementSchedule.of(spec.monitor(), spec.training().updates());
    Trainer<M> trainer =
        new Trainer<>(
            network, spec.training(), dataset, random, schedule, spec.monitor().evaluationExamples());
    Optional<LayerMonitor<M>> monitor =
        spec.monitor().enabled()
            ? Optional.of(new LayerMonitor<>(network, spec.monitor(), spec.training(), dataset.test(), schedule))
            : Optional.empty();
    run.resume().ifPresent(
        checkpoint -> {
          trainer.resume(checkpoint.progress());
          monitor.ifPresent(m -> m.restore(checkpoint.statistics(), checkpoint.histograms()));
        });
    Trainer.CheckpointObserver save =
        progress ->
            run.checkpoints().save(
                new TrialCheckpoint(
                    run.identity(),
                    System.nanoTime() - run.origin(),
                    progress,
                    monitor.map(LayerMonitor::statistics).orElse(List.of()),
                    monitor.map(LayerMonitor::histograms).orElse(List.of()),
                    parameters(network, network::weight),
                    parameters(network, network::bias)));
    Trainer.Outcome outcome =
        trainer.train(
            run.timeUp(),
            monitor.<Trainer.PointObserver<M>>map(m -> m).orElse((update, end, net) -> {}),
            run.interval(),
            save,
            run.stopAfter());
    Provenance provenance = Provenance.ofThisJvm(kernels.matMul().name(), Trainer.MATHS_VERSION, dataset.fingerprint());
    return new TrialResult(
        spec,
        outcome.status(),
        outcome.updatesDone(),
        outcome.divergedAtUpdate(),
        outcome.curve(),
        trainer.testExamples(),
        monitor.map(LayerMonitor::statistics).orElse(List.of()),
        monitor.map(LayerMonitor::histograms).orElse(List.of()),
        network.sha256(),
        provenance,
        Duration.ofNanos(System.nanoTime() - run.origin()),
        run.resume().map(c -> OptionalLong.of(c.update())).orElse(OptionalLong.empty()));
  }

  /** The store's latest checkpoint if it may resume this run; otherwise the store hears why not. */
  private static Optional<TrialCheckpoint> latest(
      TrialSpec spec, CheckpointIdentity identity, CheckpointStore checkpoints, long stopAfter) {
    try {
      Optional<InputStream> latest = checkpoints.openLatest();
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      TrialCheckpoint checkpoint;
      try (InputStream in = latest.get()) {
        checkpoint = CheckpointFormat.read(in, spec, identity.kernel(), identity.dataFingerprint());
      }
      if (checkpoint.update() > stopAfter) {
        throw new InvalidCheckpointException(
            "it is at update " + checkpoint.update() + ", beyond this run's stop after update " + stopAfter);
      }
      return Optional.of(checkpoint);
    } catch (InvalidCheckpointException e) {
      checkpoints.rejected(e);
    } catch (IOException e) {
      checkpoints.rejected(new InvalidCheckpointException("it cannot be read: " + e, e));
    }
    return Optional.empty();
  }

  /** Float64 copies of W^i or b^i, i = 0..L. */
  private static <M extends ReshapeMatrix> List<DMatrixRMaj> parameters(
      Network<M> network, IntFunction<M> layer) {
    List<DMatrixRMaj> copies = new ArrayList<>(network.layerCount());
    for (int i = 0; i < network.layerCount(); i++) {
      copies.add(network.kernels().toDouble(layer.apply(i)));
    }
    return copies;
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
