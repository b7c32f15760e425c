package org.glorotsweep.core.monitor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.result.Histogram;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.result.Quantity;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;

/**
 * The paper's per-layer measurements (Glorot and Bengio 2010, section 3 and 4; paper-spec section 3), taken at
 * every measurement point of a trial and kept as {@link LayerStatistics} rows and {@link Histogram}s.
 *
 * <p><b>The monitor set</b> is the first N = min(monitorExamples, |test|) examples of the test set (the paper's
 * 300 test examples). At each point they are propagated forward and back through the trial's cost, in the
 * trial's precision, on a workspace of this monitor's own, without an update: the training workspace, the
 * parameters and every random stream are untouched, so a trial gives the same bits with or without monitors.
 *
 * <p><b>Points</b> are the schedule's and, when a trial stops early, the one where it stopped (see
 * {@link Trainer#train}).
 *
 * <p><b>Layers</b> are numbered k = 1..L+1 from the input, k = L+1 being the softmax layer; row k describes
 * s^{k-1}, z^k and W^{k-1} (see {@link Quantity}). Per point and layer it records activations (hidden layers),
 * back-propagated gradients, weight gradients, weights and the update ratio; and, at the schedule's Jacobian
 * points and at the trial's end point, the singular values of J^{k-1} = dz^k/dz^{k-1} for the hidden-to-hidden
 * layers k = 2..L on the first {@code jacobianExamples} monitor examples.
 *
 * <p><b>Histograms</b> (hidden layers only) have {@code histogramBins} bins over one range per quantity, fixed
 * at the first point observed (the initialisation) and shared by every layer and later point: activations over
 * f's range (see {@link HistogramRange#forActivation}); back-propagated and weight gradients over [-r, r] with
 * r the largest |value| of that quantity over the hidden layers at initialisation. Later values outside the
 * range are counted in the edge bins.
 *
 * <p>Every buffer is allocated here, once per trial. A point costs about as much as N/B training steps of
 * batch B (one forward and backward pass over N examples), plus (L - 1) x jacobianExamples SVDs at Jacobian
 * points; see {@code MonitorOverheadBench} in the tests for measured figures.
 *
 * @param <M> the EJML matrix type of the precision
 */
public final class LayerMonitor<M extends ReshapeMatrix> implements Trainer.PointObserver<M> {
  private final Propagation<M> propagation;
  private final Workspace<M> workspace;
  private final Kernels<M> kernels;
  private final Activation activation;
  private final int hiddenLayers;
  private final Cost cost;
  private final double learningRate;
  private final MeasurementSchedule schedule;
  private final int bins;
  private final int rows;
  private final int jacobianExamples;
  private final float[] features;
  private final int[] labels;
  private final Sample sample;
  private final Sample singularValues;
  private final JacobianSpectrum jacobians;
  private final Map<Quantity, HistogramRange> ranges = new EnumMap<>(Quantity.class);
  private final List<LayerStatistics> statistics = new ArrayList<>();
  private final List<Histogram> histograms = new ArrayList<>();

  /**
   * Allocates the monitor of one trial.
   *
   * @param network the trial's network, read at every point and never changed
   * @param monitor what to measure
   * @param training the trial's cost and learning rate
   * @param test the test set, whose first examples form the monitor set
   * @param schedule the trial's measurement points, which say where Jacobians are computed
   */
  public LayerMonitor(
      Network<M> network,
      MonitorSpec monitor,
      TrainingSpec training,
      LabeledSet test,
      MeasurementSchedule schedule) {
    NetworkSpec spec = network.spec();
    this.rows = Math.min(monitor.monitorExamples(), test.size());
    this.workspace = new Workspace<>(spec, network.kernels(), rows);
    this.propagation = new Propagation<>(network, workspace);
    this.kernels = network.kernels();
    this.activation = spec.activation();
    this.hiddenLayers = spec.depth();
    this.cost = training.cost();
    this.learningRate = training.learningRate();
    this.schedule = schedule;
    this.bins = monitor.histogramBins();
    this.jacobianExamples = Math.min(monitor.jacobianExamples(), rows);
    this.features = new float[rows * spec.inputSize()];
    this.labels = new int[rows];
    test.copyRows(0, rows, features, labels);
    this.sample = new Sample(largestQuantity(spec, rows));
    this.singularValues = new Sample(jacobianExamples * largestHiddenWidth(spec));
    this.jacobians = new JacobianSpectrum(spec);
  }

  /**
   * Measures every layer of {@code network} after {@code update} updates, and its Jacobians at the schedule's
   * Jacobian points and at the trial's end point (where a time-out stopped it, as at update T).
   */
  @Override
  public void observe(long update, boolean end, Network<M> network) {
    if (network != propagation.network()) {
      throw new IllegalArgumentException("a layer monitor observes the network it was built for");
    }
    propagation.forward(features, rows);
    propagation.cost(cost, labels);
    propagation.backward();
    if (ranges.isEmpty() && hiddenLayers > 0) {
      fixHistogramRanges();
    }
    for (int k = 1; k <= hiddenLayers + 1; k++) {
      if (k <= hiddenLayers) {
        recordActivations(update, k);
      }
      recordBackpropagatedGradients(update, k);
      recordWeights(update, k);
    }
    if (jacobianExamples > 0 && (end || schedule.includesJacobian(update))) {
      for (int k = 2; k <= hiddenLayers; k++) {
        recordJacobian(update, k);
      }
    }
  }

  /**
   * Takes over the records of a monitor of the same trial (say, from a checkpoint), so that this one continues
   * as if it had observed the same points. The histogram ranges, fixed at the first point, are those of the
   * histograms given.
   *
   * @param statistics what {@link #statistics()} returned. Not modified.
   * @param histograms what {@link #histograms()} returned. Not modified.
   * @throws IllegalStateException when this monitor has already observed a point
   */
  public void restore(List<LayerStatistics> statistics, List<Histogram> histograms) {
    if (!this.statistics.isEmpty()) {
      throw new IllegalStateException("only a fresh monitor can be restored");
    }
    this.statistics.addAll(statistics);
    this.histograms.addAll(histograms);
    for (Histogram h : histograms) {
      ranges.putIfAbsent(h.quantity(), new HistogramRange(h.low(), h.high()));
    }
  }

  /** The statistics recorded so far, by point; within a point by layer, the Jacobians last. */
  public List<LayerStatistics> statistics() {
    return List.copyOf(statistics);
  }

  /** The histograms recorded so far, by point, then layer. */
  public List<Histogram> histograms() {
    return List.copyOf(histograms);
  }

  // z^k = f(s^{k-1}): every column, and a histogram over f's range
  private void recordActivations(long update, int k) {
    sample.load(kernels, workspace.output(k), 1.0);
    Moments moments = sample.moments();
    double saturated = sample.fraction(activation::isSaturated);
    recordHistogram(update, k, Quantity.ACTIVATION);
    Quantiles quantiles = sample.quantiles();
    statistics.add(row(update, k, Quantity.ACTIVATION, moments, quantiles, saturated));
  }

  // dC_n/ds^{k-1}_n = N delta^{k-1}: the workspace holds the gradient of the mean cost
  private void recordBackpropagatedGradients(long update, int k) {
    Moments moments = load(workspace.delta(k - 1), rows);
    if (k <= hiddenLayers) {
      recordHistogram(update, k, Quantity.BACKPROP_GRADIENT);
    }
    statistics.add(row(update, k, Quantity.BACKPROP_GRADIENT, moments, Quantiles.NONE, Double.NaN));
  }

  // dC/dW^{k-1}, W^{k-1}, and eta ||dC/dW^{k-1}|| / ||W^{k-1}||
  private void recordWeights(long update, int k) {
    Moments gradient = load(workspace.weightGradient(k - 1), 1.0);
    if (k <= hiddenLayers) {
      recordHistogram(update, k, Quantity.WEIGHT_GRADIENT);
    }
    statistics.add(row(update, k, Quantity.WEIGHT_GRADIENT, gradient, Quantiles.NONE, Double.NaN));
    Moments weights = load(propagation.network().weight(k - 1), 1.0);
    statistics.add(row(update, k, Quantity.WEIGHT, weights, Quantiles.NONE, Double.NaN));
    double ratio = learningRate * gradient.norm() / weights.norm();
    statistics.add(
        new LayerStatistics(
            update, k, Quantity.UPDATE_RATIO, 1, ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN));
  }

  // singular values of J^{k-1} = diag(f'(s^{k-1})) (W^{k-1})^T on each Jacobian example
  private void recordJacobian(long update, int k) {
    singularValues.clear();
    double smallest = 0.0;
    double largest = 0.0;
    for (int n = 0; n < jacobianExamples; n++) {
      Moments example =
          jacobians.decompose(
              kernels, activation, propagation.network().weight(k - 1), workspace.output(k), n, singularValues);
      smallest += example.min();
      largest += example.max();
    }
    Moments pooled = singularValues.moments();
    Quantiles quantiles = singularValues.quantiles();
    statistics.add(
        new LayerStatistics(
            update, k, Quantity.JACOBIAN_SINGULAR_VALUE, pooled.count(), pooled.mean(), pooled.variance(),
            smallest / jacobianExamples, largest / jacobianExamples, quantiles.p02(), quantiles.p50(),
            quantiles.p98(), Double.NaN, Double.NaN));
  }

  /** Sets each histogram range from the hidden layers at the first point (see the class comment). */
  private void fixHistogramRanges() {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    double backpropagated = 0.0;
    double weightGradient = 0.0;
    for (int k = 1; k <= hiddenLayers; k++) {
      Moments activations = load(workspace.output(k), 1.0);
      lowest = Math.min(lowest, activations.min());
      highest = Math.max(highest, activations.max());
      backpropagated = Math.max(backpropagated, load(workspace.delta(k - 1), rows).maxAbs());
      weightGradient = Math.max(weightGradient, load(workspace.weightGradient(k - 1), 1.0).maxAbs());
    }
    ranges.put(Quantity.ACTIVATION, HistogramRange.forActivation(activation, lowest, highest));
    ranges.put(Quantity.BACKPROP_GRADIENT, HistogramRange.symmetric(backpropagated));
    ranges.put(Quantity.WEIGHT_GRADIENT, HistogramRange.symmetric(weightGradient));
  }

  private Moments load(M matrix, double scale) {
    sample.load(kernels, matrix, scale);
    return sample.moments();
  }

  /** Bins the sample, which holds {@code quantity} of layer {@code k}. */
  private void recordHistogram(long update, int k, Quantity quantity) {
    HistogramRange range = ranges.get(quantity);
    histograms.add(
        new Histogram(update, k, quantity, range.low(), range.high(), sample.histogram(range, bins)));
  }

  private static LayerStatistics row(
      long update, int k, Quantity quantity, Moments m, Quantiles q, double saturatedFraction) {
    return new LayerStatistics(
        update, k, quantity, m.count(), m.mean(), m.variance(), m.min(), m.max(), q.p02(), q.p50(), q.p98(),
        q.p98Abs(), saturatedFraction);
  }

  /** The most values one quantity of one layer holds: N n_k activations or n_{k-1} n_k weights. */
  private static int largestQuantity(NetworkSpec spec, int rows) {
    long largest = 0;
    for (int k = 1; k <= spec.layerCount(); k++) {
      largest = Math.max(largest, Math.max((long) rows * spec.width(k), (long) spec.width(k - 1) * spec.width(k)));
    }
    return Math.toIntExact(largest);
  }

  /** The most singular values one hidden-to-hidden Jacobian has, min(n_{k-1}, n_k). */
  private static int largestHiddenWidth(NetworkSpec spec) {
    int largest = 0;
    for (int k = 2; k <= spec.depth(); k++) {
      largest = Math.max(largest, Math.min(spec.width(k - 1), spec.width(k)));
    }
    return largest;
  }
}
