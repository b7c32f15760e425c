package org.glorotsweep.core.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.result.Quantity;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.junit.jupiter.api.Test;

/**
 * The paper's analysis at initialisation (Glorot and Bengio 2010, eq. 13-15 and section 4.2), measured by the
 * monitors on the paper's 5 x 1000 tanh network over 300 Shapeset test examples: a trial of 0 updates.
 *
 * <p>In the linear regime with equal widths n, Var[dC/ds^{i-1}] = n Var[W^i] Var[dC/ds^i] (eq. 13), so the
 * back-propagated gradient's std shrinks by sqrt(n Var[W]) per layer going down: sqrt(1/3) with standard init,
 * 1 with normalized init (tanh's f' &lt; 1 away from 0 shrinks both a little more). Var[dC/dW^i] (eq. 14) does
 * not depend on i. A square n x n matrix of i.i.d. entries of variance sigma^2 has mean singular value
 * 8/(3 pi) sigma sqrt(n) (quarter-circle law), which is 0.49 with standard and 0.85 with normalized init
 * before f' scales the Jacobian.
 */
class PaperTheoryAtInitialisationTest {
  private static final int DEPTH = 5;

  @Test
  void standardInitShrinksBackPropagatedGradientsButNotWeightGradients() throws IOException {
    Measured m = measure(Initializer.STANDARD);
    for (double factor : m.backpropagatedStdFactors()) {
      assertTrue(factor >= 0.45 && factor <= 0.70, m::describe);
    }
    assertTrue(m.weightGradientVarianceSpread() <= 2.0, m::describe);
    for (double mean : m.jacobianMeans()) {
      assertTrue(Math.abs(mean - 0.5) <= 0.1, m::describe);
    }
  }

  @Test
  void normalizedInitKeepsBackPropagatedGradientsAndWeightGradients() throws IOException {
    Measured m = measure(Initializer.NORMALIZED);
    for (double factor : m.backpropagatedStdFactors()) {
      assertTrue(factor > 0.8, m::describe);
    }
    assertTrue(m.weightGradientVarianceSpread() <= 2.0, m::describe);
    for (double mean : m.jacobianMeans()) {
      assertTrue(Math.abs(mean - 0.8) <= 0.12, m::describe);
    }
  }

  private static Measured measure(Initializer init) throws IOException {
    TreeMap<String, String> data = new TreeMap<>();
    data.put("test_size", "300");
    data.put("validation_size", "1");
    // two Jacobian examples: the mean singular value of a 1000 x 1000 matrix barely varies between examples
    MonitorSpec monitor = new MonitorSpec(true, 300, 10, 0, 2, 10, 0, 50);
    TrialSpec spec =
        new TrialSpec(
            NetworkSpec.uniform(1024, DEPTH, 1000, 9, Activation.TANH, init),
            new TrainingSpec(Cost.NLL, 10, 0.01, 0, Precision.FLOAT32),
            new DataSpec("shapeset", data),
            monitor,
            17);
    TrialResult result = new TrialRunner(DatasetCatalog.local()).run(spec);
    return new Measured(init, result.layerStatistics());
  }

  /** The statistics of the initialisation point, per hidden layer k = 1..L. */
  private record Measured(Initializer init, List<LayerStatistics> rows) {

    double[] perHiddenLayer(Quantity quantity, boolean std) {
      double[] values = new double[DEPTH + 1];
      for (LayerStatistics row : rows) {
        if (row.quantity() == quantity && row.layer() <= DEPTH) {
          values[row.layer()] = std ? row.std() : row.mean();
        }
      }
      return values;
    }

    /** std(dC/ds^{k-1}) / std(dC/ds^k) for k = 1..L-1: how much the gradient shrinks from layer k+1 to k. */
    double[] backpropagatedStdFactors() {
      double[] std = perHiddenLayer(Quantity.BACKPROP_GRADIENT, true);
      double[] factors = new double[DEPTH - 1];
      for (int k = 1; k < DEPTH; k++) {
        factors[k - 1] = std[k] / std[k + 1];
      }
      return factors;
    }

    /** max over hidden layers of Var[dC/dW^{k-1}] divided by their min. */
    double weightGradientVarianceSpread() {
      double max = 0.0;
      double min = Double.POSITIVE_INFINITY;
      for (LayerStatistics row : rows) {
        if (row.quantity() == Quantity.WEIGHT_GRADIENT && row.layer() <= DEPTH) {
          max = Math.max(max, row.variance());
          min = Math.min(min, row.variance());
        }
      }
      return max / min;
    }

    /** The mean singular value of J^{k-1}, k = 2..L. */
    double[] jacobianMeans() {
      return rows.stream()
          .filter(row -> row.quantity() == Quantity.JACOBIAN_SINGULAR_VALUE)
          .mapToDouble(LayerStatistics::mean)
          .toArray();
    }

    String describe() {
      StringBuilder text = new StringBuilder(init.configName()).append(" init at update 0\n");
      for (LayerStatistics row : rows) {
        if (row.quantity() != Quantity.UPDATE_RATIO) {
          text.append(String.format("  layer %d %-24s std %.4g mean %.4g%n",
              row.layer(), row.quantity().configName(), row.std(), row.mean()));
        }
      }
      text.append("  backprop std factors (k=1..4) ")
          .append(java.util.Arrays.toString(backpropagatedStdFactors()))
          .append("\n  weight-gradient variance max/min ").append(weightGradientVarianceSpread())
          .append("\n  Jacobian means (k=2..5) ").append(java.util.Arrays.toString(jacobianMeans()));
      return text.toString();
    }
  }
}
