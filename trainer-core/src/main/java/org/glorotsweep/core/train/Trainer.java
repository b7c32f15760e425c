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
 * @param <M> the EJML matrix type of the precision
 */
public final class Trainer<M extends ReshapeMatrix> {
  private final Propagation<M> propagation;
  private final TrainingSpec training;
  private final TrainingStream stream;
  private final MeasurementSchedule schedule;
  private final Evaluator<M> evaluator;
  private final LabeledSet validation;
  private final LabeledSet test;
  private final float[] features;
  private final int[] labels;

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
   * Runs the updates.
   *
   * <p>The curves and the observer see point 0, every scheduled point, and one last point where training
   * stopped: after update T (the schedule's end), or after the last update applied when the trial stops early,
   * so that the last point of a stopped trial is its final state. A time-out's last point is an end point
   * like T; a divergence's last point is a regular one (the next update's cost was not finite, so the
   * Jacobians of that network are not worth their SVDs). No point is added when the stop falls on a point
   * already measured.
   *
   * @param timeUp asked once per update; true stops the trial with {@link TrialStatus#TIMEOUT}
   * @param observer told of every measurement point, after the learning curves
   */
  public Outcome train(BooleanSupplier timeUp, PointObserver<M> observer) {
    List<CurvePoint> curve = new ArrayList<>();
    curve.add(measure(0, OptionalDouble.empty(), false, observer));
    double costSum = 0.0;
    long examples = 0;
    long update = 0;
    while (update < training.updates()) {
      int rows = stream.nextBatch(training.batchSize(), features, labels);
      propagation.forward(features, rows);
      double cost = propagation.cost(training.cost(), labels);
      if (!Double.isFinite(cost)) {
        if (examples > 0) {
          curve.add(measure(update, OptionalDouble.of(costSum / examples), false, observer));
        }
        return new Outcome(TrialStatus.DIVERGED, update, OptionalLong.of(update + 1), curve);
      }
      propagation.backwardAndUpdate(training.learningRate());
      update++;
      costSum += cost;
      examples += rows;
      boolean stopping = update < training.updates() && timeUp.getAsBoolean();
      if (stopping || schedule.contains(update)) {
        boolean end = stopping || update == training.updates();
        curve.add(measure(update, OptionalDouble.of(costSum / examples), end, observer));
        costSum = 0.0;
        examples = 0;
      }
      if (stopping) {
        return new Outcome(TrialStatus.TIMEOUT, update, OptionalLong.empty(), curve);
      }
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

  private static LabeledSet subset(LabeledSet set, int examples) {
    return examples == 0 ? set : set.head(examples);
  }

  /**
   * How the loop ended.
   *
   * @param status OK, DIVERGED or TIMEOUT
   * @param updatesDone the number of updates applied
   * @param divergedAtUpdate the 1-based number of the update whose cost was not finite
   * @param curve the learning curves measured
   */
  public record Outcome(
      TrialStatus status, long updatesDone, OptionalLong divergedAtUpdate, List<CurvePoint> curve) {}

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
