package org.glorotsweep.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.core.spec.TrainingSpec;

/**
 * The SGD loop of one trial (paper section 2.3): for each update, take the next mini-batch, propagate it,
 * stop with {@link TrialStatus#DIVERGED} if its cost is not finite, otherwise back-propagate and step (fused:
 * the training workspace never materialises dC/dW; monitors compute gradients on workspaces of their own).
 * At every scheduled point, and where training stops, it records the learning curves.
 *
 * <p>A trainer can hand its {@link TrainingProgress} to a {@link CheckpointObserver} every {@link
 * CheckpointInterval}, and a new trainer of the same trial can {@link #resume} from it: with the network's
 * parameters and the monitor's records restored as well, the resumed loop draws the same batches and computes
 * the same bits as one that never stopped.
 *
 * @param <M> the EJML matrix type of the precision
 */
public final class Trainer<M extends ReshapeMatrix> {
  /**
   * The version of a trial's maths: bumped by any change that changes the bits a spec trains to on a given
   * kernel (the loop, the streams, the monitors, the initialisers). A checkpoint records it, and one of
   * another version is never resumed; trials record it as {@code maths_version}. 1: the first; 2: exp, log,
   * tanh and pow from {@link StrictMath} (fdlibm, the same bits on every JVM and CPU) instead of {@link
   * Math}, whose intrinsics may differ between JVM versions and CPUs; 3: on the vector kernels, tanh, sigmoid
   * and softsign in both precisions from the deterministic vectorised functions of {@code
   * FloatVectorActivations} and its float64 twin (float32 tanh was {@code VectorTanh}'s; the others were
   * {@link StrictMath}'s, element by element); the EJML kernels' bits are those of version 2.
   */
  public static final int MATHS_VERSION = 3;

  private final Propagation<M> propagation;
  private final TrainingSpec training;
  private final TrainingStream stream;
  private final MeasurementSchedule schedule;
  private final Evaluator<M> evaluator;
  private final LabeledSet validation;
  private final LabeledSet test;
  private final float[] features;
  private final int[] labels;
  private final List<CurvePoint> curve = new ArrayList<>();
  private long update;
  private double costSum;
  private long costExamples;

  /**
   * Prepares a trial: the training workspace, the data stream and the evaluation sets.
   *
   * @param network the initialised network, updated in place by {@link #train}
   * @param training the SGD settings
   * @param dataset where examples come from
   * @param random the trial's streams; the data-order stream is consumed here
   * @param schedule when to measure
   * @param evaluationExamples the size of the evaluation subsets, 0 for the whole sets
   */
  public Trainer(
      Network<M> network,
      TrainingSpec training,
      Dataset dataset,
      TrialRandom random,
      MeasurementSchedule schedule,
      int evaluationExamples) {
    int batch = training.batchSize();
    this.propagation = new Propagation<>(network, new Workspace<>(network.spec(), network.kernels(), batch));
    this.training = training;
    this.stream = dataset.trainingStream(random.dataOrder());
    this.schedule = schedule;
    this.evaluator = new Evaluator<>(network);
    this.validation = subset(dataset.validation(), evaluationExamples);
    this.test = subset(dataset.test(), evaluationExamples);
    this.features = new float[batch * network.spec().inputSize()];
    this.labels = new int[batch];
  }

  /**
   * Continues from {@code progress} instead of starting at update 0: skips the training stream to its
   * position and takes over its running cost and curve. The caller restores the network's parameters and the
   * observer's records of the same checkpoint.
   *
   * @throws IllegalStateException when this trainer has already trained
   * @throws IllegalArgumentException when the progress is beyond this trial's updates
   */
  public void resume(TrainingProgress progress) {
    if (!curve.isEmpty()) {
      throw new IllegalStateException("only a fresh trainer can resume, this one is at update " + update);
    }
    if (progress.updatesDone() > training.updates()) {
      throw new IllegalArgumentException(
          "progress at update " + progress.updatesDone() + " is beyond this trial's " + training.updates());
    }
    stream.skip(progress.examplesDrawn());
    update = progress.updatesDone();
    costSum = progress.costSum();
    costExamples = progress.costExamples();
    curve.addAll(progress.curve());
  }

  /**
   * Runs the updates with no checkpoints (see
   * {@link #train(BooleanSupplier, PointObserver, CheckpointInterval, CheckpointObserver)}).
   */
  public Outcome train(BooleanSupplier timeUp, PointObserver<M> observer) {
    return train(timeUp, observer, CheckpointInterval.NEVER, progress -> {});
  }

  /**
   * Runs the updates, from update 0 or from where {@link #resume} put the loop.
   *
   * <p>The curves and the observer see point 0, every scheduled point, and one last point where training
   * stopped: after update T (the schedule's end), or after the last update applied when the trial stops early,
   * so that the last point of a stopped trial is its final state. A time-out's last point is an end point
   * like T; a divergence's last point is a regular one (the next update's cost was not finite, so the
   * Jacobians of that network are not worth their SVDs). No point is added when the stop falls on a point
   * already measured. A resumed loop measures nothing twice: its points before the checkpoint are in the
   * progress it resumed from.
   *
   * <p>Checkpoints come between updates, after the point of that update if there is one, never at update T
   * nor after a stop.
   *
   * @param timeUp asked once per update; true stops the trial with {@link TrialStatus#TIMEOUT}
   * @param observer told of every measurement point, after the learning curves
   * @param interval how often to hand the progress to {@code checkpoints}
   * @param checkpoints told of the progress when a checkpoint is due
   */
  public Outcome train(
      BooleanSupplier timeUp,
      PointObserver<M> observer,
      CheckpointInterval interval,
      CheckpointObserver checkpoints) {
    return train(timeUp, observer, interval, checkpoints, training.updates());
  }

  /**
   * Runs the updates as {@link #train(BooleanSupplier, PointObserver, CheckpointInterval, CheckpointObserver)}
   * does, but pauses after update {@code stopAfter} (a measurement point at or below T): when it is short of T
   * the loop ends there with {@link TrialStatus#STOPPED}, its last point is that scheduled point (no end point
   * is added, so a run resumed from here measures exactly what an uninterrupted one does), and the progress
   * goes to {@code checkpoints} whatever the interval, unless no update was applied in this call (it resumed
   * at that update): the checkpoint holds the state after exactly {@code stopAfter} updates.
   *
   * @throws IllegalArgumentException when {@code stopAfter} is not a point of the schedule, or beyond T, or
   *     before where the loop stands
   */
  public Outcome train(
      BooleanSupplier timeUp,
      PointObserver<M> observer,
      CheckpointInterval interval,
      CheckpointObserver checkpoints,
      long stopAfter) {
    if (stopAfter > training.updates() || stopAfter < update || !schedule.contains(stopAfter)) {
      throw new IllegalArgumentException(
          "a trial can stop after a measurement point between update " + update + " and " + training.updates()
              + ", not after update " + stopAfter);
    }
    long startedAt = update;
    if (curve.isEmpty()) {
      curve.add(measure(0, OptionalDouble.empty(), false, observer));
    }
    long lastCheckpointUpdate = update;
    long lastCheckpointNanos = System.nanoTime();
    while (update < stopAfter) {
      int rows = stream.nextBatch(training.batchSize(), features, labels);
      propagation.forward(features, rows);
      double cost = propagation.cost(training.cost(), labels);
      if (!Double.isFinite(cost)) {
        if (costExamples > 0) {
          curve.add(measure(update, OptionalDouble.of(costSum / costExamples), false, observer));
        }
        return new Outcome(TrialStatus.DIVERGED, update, OptionalLong.of(update + 1), curve);
      }
      propagation.backwardAndUpdate(training.learningRate());
      update++;
      costSum += cost;
      costExamples += rows;
      boolean stopping = update < training.updates() && timeUp.getAsBoolean();
      if (stopping || schedule.contains(update)) {
        boolean end = stopping || update == training.updates();
        curve.add(measure(update, OptionalDouble.of(costSum / costExamples), end, observer));
        costSum = 0.0;
        costExamples = 0;
      }
      if (stopping) {
        return new Outcome(TrialStatus.TIMEOUT, update, OptionalLong.empty(), curve);
      }
      if (interval.enabled() && update < stopAfter) {
        long now = System.nanoTime();
        if (interval.due(update - lastCheckpointUpdate, now - lastCheckpointNanos)) {
          checkpoints.checkpoint(
              new TrainingProgress(update, stream.examplesDrawn(), costSum, costExamples, curve));
          lastCheckpointUpdate = update;
          lastCheckpointNanos = System.nanoTime();
        }
      }
    }
    if (update < training.updates()) {
      if (update > startedAt) {
        checkpoints.checkpoint(new TrainingProgress(update, stream.examplesDrawn(), costSum, costExamples, curve));
      }
      return new Outcome(TrialStatus.STOPPED, update, OptionalLong.empty(), curve);
    }
    return new Outcome(TrialStatus.OK, update, OptionalLong.empty(), curve);
  }

  private CurvePoint measure(
      long update, OptionalDouble trainingCost, boolean end, PointObserver<M> observer) {
    CurvePoint point =
        new CurvePoint(update, trainingCost, evaluator.evaluate(validation), evaluator.evaluate(test));
    observer.observe(update, end, propagation.network());
    return point;
  }

  /**
   * The number of test examples each curve point's test error is measured on: the test set's size, or the
   * evaluation subset's when it is smaller.
   */
  public int testExamples() {
    return test.size();
  }

  private static LabeledSet subset(LabeledSet set, int examples) {
    return examples == 0 ? set : set.head(examples);
  }

  /**
   * How the loop ended.
   *
   * @param status OK, DIVERGED, TIMEOUT, or STOPPED (paused short of T)
   * @param updatesDone the number of updates applied
   * @param divergedAtUpdate the 1-based number of the update whose cost was not finite
   * @param curve the learning curves measured
   */
  public record Outcome(
      TrialStatus status, long updatesDone, OptionalLong divergedAtUpdate, List<CurvePoint> curve) {

    /** Copies the curve. */
    public Outcome {
      curve = List.copyOf(curve);
    }
  }

  /**
   * Told of the loop's progress when a checkpoint is due. The network and the observers stand at the same
   * update while it runs; it must not change them.
   */
  @FunctionalInterface
  public interface CheckpointObserver {
    /** Saves (or ignores) {@code progress}. */
    void checkpoint(TrainingProgress progress);
  }

  /**
   * Called at every measurement point with read-only intent: implementations must not change the network
   * or use the training streams.
   *
   * @param <M> the EJML matrix type of the precision
   */
  @FunctionalInterface
  public interface PointObserver<M extends ReshapeMatrix> {
    /**
     * Observes the network after {@code update} updates.
     *
     * @param update the updates done
     * @param end whether this is the trial's end point: after update T, or where a time-out stopped it
     * @param network the trained network. Not modified.
     */
    void observe(long update, boolean end, Network<M> network);
  }
}
