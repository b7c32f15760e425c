package org.glorotsweep.core.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.spec.NetworkSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Back-propagation against central differences in float64 (the rules of style.md: double precision,
 * central differences, relative error with an absolute floor), for every activation x initialisation x
 * cost, 0 to 3 hidden layers, on a batch shorter than the workspace (a short final mini-batch).
 */
class GradientCheckTest {
  private static final double STEP = 1e-5;
  private static final double TOLERANCE = 1e-6;
  /**
   * The denominator's floor: for gradients below 1e-3 the test demands an absolute error below 1e-9, well
   * above the rounding noise of a central difference (about eps |C| / h = 2e-11) and far below any gradient
   * a real error would disturb.
   */
  private static final double FLOOR = 1e-3;
  private static final int CAPACITY = 5;
  private static final int ROWS = 3;
  private static final List<List<Integer>> WIDTHS =
      List.of(List.of(), List.of(6), List.of(5, 4), List.of(4, 6, 5));

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Activation activation : Activation.values()) {
      for (Initializer init : Initializer.values()) {
        for (Cost cost : Cost.values()) {
          for (List<Integer> widths : WIDTHS) {
            cases.add(Arguments.of(activation, init, cost, widths));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} hidden={3}")
  @MethodSource("cases")
  void backpropagationMatchesCentralDifferences(
      Activation activation, Initializer init, Cost cost, List<Integer> widths) {
    NetworkSpec spec = new NetworkSpec(4, widths, 3, activation, init, 1.0);
    Kernels<DMatrixRMaj> kernels = KernelChoice.float64();
    SplittableRandom random = new SplittableRandom(widths.size() * 31L + cost.ordinal());
    Network<DMatrixRMaj> network = Network.initialize(spec, kernels, random);
    for (int i = 0; i < network.layerCount(); i++) {
      randomize(network.bias(i), random);
    }
    Propagation<DMatrixRMaj> propagation =
        new Propagation<>(network, new Workspace<>(spec, kernels, CAPACITY));
    float[] features = new float[CAPACITY * 4];
    int[] labels = new int[CAPACITY];
    drawBatchOffTheKink(propagation, features, labels, random);

    propagation.forward(features, ROWS);
    propagation.cost(cost, labels);
    propagation.backward();
    for (int i = 0; i < network.layerCount(); i++) {
      checkParameters(
          propagation, cost, features, labels, network.weight(i),
          propagation.workspace().weightGradient(i).copy(), "W" + i);
      checkParameters(
          propagation, cost, features, labels, network.bias(i),
          propagation.workspace().biasGradient(i).copy(), "b" + i);
    }
  }

  /** Every parameter of {@code parameters} against (C(theta + h) - C(theta - h)) / 2h. */
  private static void checkParameters(
      Propagation<DMatrixRMaj> propagation, Cost cost, float[] features, int[] labels,
      DMatrixRMaj parameters, DMatrixRMaj analytic, String name) {
    for (int k = 0; k < parameters.getNumElements(); k++) {
      double saved = parameters.data[k];
      parameters.data[k] = saved + STEP;
      double plus = meanCost(propagation, cost, features, labels);
      parameters.data[k] = saved - STEP;
      double minus = meanCost(propagation, cost, features, labels);
      parameters.data[k] = saved;
      double numeric = (plus - minus) / (2 * STEP);
      double error = Math.abs(numeric - analytic.data[k])
          / Math.max(Math.abs(numeric) + Math.abs(analytic.data[k]), FLOOR);
      if (!(error < TOLERANCE)) {
        fail(name + "[" + k + "]: analytic " + analytic.data[k] + ", numeric " + numeric
            + ", relative error " + error);
      }
    }
  }

  private static double meanCost(
      Propagation<DMatrixRMaj> propagation, Cost cost, float[] features, int[] labels) {
    propagation.forward(features, ROWS);
    return propagation.cost(cost, labels) / ROWS;
  }

  /**
   * Draws inputs (and labels) until no hidden pre-activation lies within 1e-3 of 0, so that relu's kink is
   * far from every perturbation of size {@link #STEP}.
   */
  private static void drawBatchOffTheKink(
      Propagation<DMatrixRMaj> propagation, float[] features, int[] labels, SplittableRandom random) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      for (int n = 0; n < features.length; n++) {
        features[n] = (float) random.nextDouble(-1.0, 1.0);
      }
      for (int r = 0; r < labels.length; r++) {
        labels[r] = random.nextInt(3);
      }
      if (minimumHiddenPreActivation(propagation, features) > 1e-3) {
        return;
      }
    }
    throw new AssertionError("no batch off relu's kink in 1000 draws");
  }

  private static double minimumHiddenPreActivation(
      Propagation<DMatrixRMaj> propagation, float[] features) {
    Network<DMatrixRMaj> network = propagation.network();
    DMatrixRMaj z = new DMatrixRMaj(ROWS, 4);
    for (int n = 0; n < ROWS * 4; n++) {
      z.data[n] = features[n];
    }
    double minimum = Double.POSITIVE_INFINITY;
    for (int i = 0; i < network.spec().depth(); i++) {
      DMatrixRMaj s = new DMatrixRMaj(ROWS, network.spec().width(i + 1));
      CommonOps_DDRM.mult(z, network.weight(i), s);
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < s.numCols; c++) {
          s.add(r, c, network.bias(i).get(0, c));
          minimum = Math.min(minimum, Math.abs(s.get(r, c)));
          s.set(r, c, network.spec().activation().apply(s.get(r, c)));
        }
      }
      z = s;
    }
    return minimum;
  }

  private static void randomize(DMatrixRMaj m, SplittableRandom random) {
    for (int k = 0; k < m.getNumElements(); k++) {
      m.data[k] = random.nextDouble(-0.5, 0.5);
    }
  }
}
