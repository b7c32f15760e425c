package org.glorotsweep.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.result.Histogram;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.result.Quantity;
import org.glorotsweep.core.result.Statistic;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@link LayerMonitor} on a small float64 tanh net of uneven widths (8-12-7-9-3), trained 40 updates and
 * measured every 10 with Jacobians every 2nd regular point, checked against {@link ReferencePass}, an
 * independent pass over plain arrays, and against EJML's SVD of each Jacobian formed explicitly.
 */
class LayerMonitorTest {
  private static final int HIDDEN = 3;
  private static final int EXAMPLES = 50;
  private static final int JACOBIAN_EXAMPLES = 3;
  private static final long UPDATES = 40;
  private static final double LEARNING_RATE = 0.1;
  private static final FixedSplitDataset DATA = SeparableClusters.create(8, 3, 200, 42);

  private static Network<DMatrixRMaj> network;
  private static List<LayerStatistics> statistics;
  private static List<Histogram> histograms;

  @BeforeAll
  static void trainWithMonitors() {
    NetworkSpec spec = new NetworkSpec(8, List.of(12, 7, 9), 3, Activation.TANH, Initializer.NORMALIZED, 1.0);
    TrainingSpec training = new TrainingSpec(Cost.NLL, 10, LEARNING_RATE, UPDATES, Precision.FLOAT64);
    MonitorSpec monitor = new MonitorSpec(true, EXAMPLES, 0, 10, JACOBIAN_EXAMPLES, 2, 0, 20);
    MeasurementSchedule schedule = MeasurementSchedule.of(monitor, UPDATES);
    TrialRandom random = new TrialRandom(7);
    network = Network.initialize(spec, KernelChoice.float64(), random.initialization());
    LayerMonitor<DMatrixRMaj> layers = new LayerMonitor<>(network, monitor, training, DATA.test(), schedule);
    new Trainer<>(network, training, DATA, random, schedule, 0).train(() -> false, layers);
    statistics = layers.statistics();
    histograms = layers.histograms();
  }

  @Test
  void everyQuantityAgreesWithAnIndependentPassAtTheLastPoint() {
    ReferencePass reference = new ReferencePass(network, DATA.test(), EXAMPLES);
    for (int k = 1; k <= HIDDEN + 1; k++) {
      if (k <= HIDDEN) {
        LayerStatistics a = row(UPDATES, k, Quantity.ACTIVATION);
        assertAgrees(DirectStatistics.of(reference.outputs[k]), a);
        assertEquals(
            DirectStatistics.of(reference.outputs[k]).fraction(Activation.TANH::isSaturated),
            a.saturatedFraction(),
            0.0);
      }
      assertAgrees(DirectStatistics.of(reference.backpropagated[k]), row(UPDATES, k, Quantity.BACKPROP_GRADIENT));
      assertAgrees(DirectStatistics.of(reference.weightGradients[k]), row(UPDATES, k, Quantity.WEIGHT_GRADIENT));
      assertAgrees(DirectStatistics.of(reference.weights[k]), row(UPDATES, k, Quantity.WEIGHT));
      double ratio =
          LEARNING_RATE * DirectStatistics.of(reference.weightGradients[k]).norm() / DirectStatistics.of(reference.weights[k]).norm();
      assertEquals(ratio, row(UPDATES, k, Quantity.UPDATE_RATIO).mean(), 1e-12 * ratio);
    }
    // for NLL, dC/ds^L = p - e_y sums to 0 over the classes of each example
    assertEquals(0.0, row(UPDATES, HIDDEN + 1, Quantity.BACKPROP_GRADIENT).mean(), 1e-15);
  }

  @Test
  void jacobianSingularValuesAgreeWithADirectSvdOfTheFormedMatrix() {
    ReferencePass reference = new ReferencePass(network, DATA.test(), EXAMPLES);
    for (int k = 2; k <= HIDDEN; k++) {
      // J^{k-1} = diag(f'(s^{k-1})) (W^{k-1})^T for each example, formed with EJML's own operations
      DMatrixRMaj transposed = CommonOps_DDRM.transpose(network.weight(k - 1), null);
      double[] pooled = new double[0];
      double smallest = 0.0;
      double largest = 0.0;
      for (int n = 0; n < JACOBIAN_EXAMPLES; n++) {
        double[] slopes =
            Arrays.stream(reference.outputs[k][n]).map(Activation.TANH::derivativeFromOutput).toArray();
        DMatrixRMaj jacobian = new DMatrixRMaj(transposed.numRows, transposed.numCols);
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(slopes), transposed, jacobian);
        double[] values = SingularOps_DDRM.singularValues(jacobian);
        assertEquals(Math.min(transposed.numRows, transposed.numCols), values.length);
        smallest += Arrays.stream(values).min().orElseThrow() / JACOBIAN_EXAMPLES;
        largest += Arrays.stream(values).max().orElseThrow() / JACOBIAN_EXAMPLES;
        pooled = concat(pooled, values);
      }
      LayerStatistics row = row(UPDATES, k, Quantity.JACOBIAN_SINGULAR_VALUE);
      DirectStatistics direct = new DirectStatistics(pooled);
      assertEquals(direct.count(), row.count());
      assertEquals(direct.mean(), row.mean(), 1e-12);
      assertEquals(direct.variance(), row.variance(), 1e-12);
      assertEquals(smallest, row.min(), 1e-12);
      assertEquals(largest, row.max(), 1e-12);
      assertEquals(direct.percentile(0.50), row.p50(), 1e-12);
      assertEquals(direct.percentile(0.98), row.p98(), 1e-12);
    }
  }

  @Test
  void rowsFollowTheScheduleAndTheLayerNumbering() {
    Map<Long, List<LayerStatistics>> byPoint =
        statistics.stream().collect(Collectors.groupingBy(LayerStatistics::update));
    assertEquals(Set.of(0L, 10L, 20L, 30L, 40L), byPoint.keySet());
    for (Map.Entry<Long, List<LayerStatistics>> point : byPoint.entrySet()) {
      boolean jacobians = point.getKey() % 20 == 0;
      assertEquals(layersOf(point.getValue(), Quantity.ACTIVATION), Set.of(1, 2, 3));
      for (Quantity q : List.of(Quantity.BACKPROP_GRADIENT, Quantity.WEIGHT_GRADIENT, Quantity.WEIGHT,
          Quantity.UPDATE_RATIO)) {
        assertEquals(Set.of(1, 2, 3, 4), layersOf(point.getValue(), q), q::toString);
      }
      assertEquals(jacobians ? Set.of(2, 3) : Set.of(), layersOf(point.getValue(), Quantity.JACOBIAN_SINGULAR_VALUE));
    }
    // row k of the activations holds N x n_k values; of the weights, n_{k-1} x n_k
    assertEquals(EXAMPLES * 7, row(0, 2, Quantity.ACTIVATION).count());
    assertEquals(12 * 7, row(0, 2, Quantity.WEIGHT).count());
    assertEquals(EXAMPLES * 3, row(0, 4, Quantity.BACKPROP_GRADIENT).count());
    assertEquals(JACOBIAN_EXAMPLES * 7, row(0, 3, Quantity.JACOBIAN_SINGULAR_VALUE).count());
  }

  @Test
  void histogramsCountEveryValueOverOneRangePerQuantityFixedAtInitialisation() {
    assertEquals(5 * 3 * HIDDEN, histograms.size());
    for (Histogram h : histograms) {
      assertTrue(h.layer() <= HIDDEN);
      assertEquals(20, h.counts().length);
      assertEquals(row(h.update(), h.layer(), h.quantity()).count(), h.total(), h::toString);
    }
    for (Quantity q : List.of(Quantity.BACKPROP_GRADIENT, Quantity.WEIGHT_GRADIENT)) {
      double r =
          statistics.stream()
              .filter(s -> s.update() == 0 && s.quantity() == q && s.layer() <= HIDDEN)
              .mapToDouble(s -> Math.max(-s.min(), s.max()))
              .max()
              .orElseThrow();
      assertEquals(Set.of(List.of(-r, r)), rangesOf(q));
    }
    assertEquals(Set.of(List.of(-1.0, 1.0)), rangesOf(Quantity.ACTIVATION));
  }

  @Test
  void softmaxRegressionHasOnlyTheSoftmaxLayerAndNoHistograms() {
    NetworkSpec spec = NetworkSpec.uniform(8, 0, 1, 3, Activation.IDENTITY, Initializer.NORMALIZED);
    TrainingSpec training = new TrainingSpec(Cost.NLL, 10, LEARNING_RATE, 0, Precision.FLOAT64);
    MonitorSpec monitor = new MonitorSpec(true, EXAMPLES, 0, 0, JACOBIAN_EXAMPLES, 1, 0, 20);
    Network<DMatrixRMaj> regression =
        Network.initialize(spec, KernelChoice.float64(), new TrialRandom(1).initialization());
    LayerMonitor<DMatrixRMaj> layers =
        new LayerMonitor<>(regression, monitor, training, DATA.test(), MeasurementSchedule.of(monitor, 0));
    layers.observe(0, false, regression);
    assertEquals(Set.of(1), layers.statistics().stream().map(LayerStatistics::layer).collect(Collectors.toSet()));
    assertEquals(4, layers.statistics().size());
    assertTrue(layers.histograms().isEmpty());
  }

  private static Set<List<Double>> rangesOf(Quantity q) {
    return histograms.stream()
        .filter(h -> h.quantity() == q)
        .map(h -> List.of(h.low(), h.high()))
        .collect(Collectors.toSet());
  }

  private static Set<Integer> layersOf(List<LayerStatistics> rows, Quantity q) {
    return rows.stream().filter(s -> s.quantity() == q).map(LayerStatistics::layer).collect(Collectors.toSet());
  }

  private static LayerStatistics row(long update, int layer, Quantity quantity) {
    return statistics.stream()
        .filter(s -> s.update() == update && s.layer() == layer && s.quantity() == quantity)
        .reduce((a, b) -> {
          throw new AssertionError("two rows for " + update + ", " + layer + ", " + quantity);
        })
        .orElseThrow(() -> new AssertionError("no row for " + update + ", " + layer + ", " + quantity));
  }

  private static void assertAgrees(DirectStatistics expected, LayerStatistics actual) {
    double scale = Math.max(Math.abs(expected.min()), Math.abs(expected.max()));
    String what = actual.toString();
    assertEquals(expected.count(), actual.count(), what);
    assertEquals(expected.mean(), actual.mean(), 1e-12 * scale, what);
    assertEquals(expected.variance(), actual.variance(), 1e-12 * scale * scale, what);
    assertEquals(expected.min(), actual.min(), 1e-12 * scale, what);
    assertEquals(expected.max(), actual.max(), 1e-12 * scale, what);
    if (actual.quantity() == Quantity.ACTIVATION) {
      assertEquals(expected.percentile(0.02), actual.p02(), 1e-12, what);
      assertEquals(expected.percentile(0.50), actual.p50(), 1e-12, what);
      assertEquals(expected.percentile(0.98), actual.p98(), 1e-12, what);
      assertEquals(expected.absolutePercentile(0.98), actual.p98Abs(), 1e-12, what);
    } else {
      for (Statistic notRecorded : List.of(Statistic.P02, Statistic.P50, Statistic.P98, Statistic.P98_ABS,
          Statistic.SATURATED_FRACTION)) {
        assertTrue(actual.recorded(notRecorded).isEmpty(), what);
      }
    }
  }

  private static double[] concat(double[] a, double[] b) {
    double[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
