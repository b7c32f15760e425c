package org.glorotsweep.core.result;

import static org.glorotsweep.core.result.Statistic.MAX;
import static org.glorotsweep.core.result.Statistic.MIN;
import static org.glorotsweep.core.result.Statistic.P02;
import static org.glorotsweep.core.result.Statistic.P50;
import static org.glorotsweep.core.result.Statistic.P98;
import static org.glorotsweep.core.result.Statistic.STD;
import static org.glorotsweep.core.result.Statistic.VARIANCE;

import java.util.EnumSet;
import java.util.Set;
import org.glorotsweep.core.choice.ConfigNames;

/**
 * What a {@link LayerStatistics} row or a {@link Histogram} describes (paper section 3 and 4; paper-spec
 * section 3). Layers are numbered k = 1..L+1 from the input: k = 1..L are the hidden layers (the paper's
 * "Layer k" in its figures) and k = L+1 is the softmax layer. In the network's notation, where W^i maps z^i to
 * s^i and z^{i+1} = f(s^i), row k describes the units of layer k: their pre-activations s^{k-1}, their outputs
 * z^k and their incoming weights W^{k-1}.
 *
 * <p>Every value comes from the fixed monitor set of N examples: one forward and one backward pass of the
 * trial's cost over all N rows, in the trial's precision, read as float64.
 */
public enum Quantity {
  /**
   * Hidden outputs z^k = f(s^{k-1}), k = 1..L, over all N x n_k values (paper Fig. 2, 3, 4, 6 and 10). Every
   * statistic is recorded; {@code saturatedFraction} uses
   * {@link org.glorotsweep.core.choice.Activation#isSaturated}.
   */
  ACTIVATION("activation", EnumSet.allOf(Statistic.class)),
  /**
   * Back-propagated gradients dC_n/ds^{k-1}_n of each example's own cost, k = 1..L+1, over all N x n_k values
   * (paper eq. 13, Fig. 7): the mean-cost gradient held by the workspace times N. Count, mean, variance, std,
   * min and max are recorded.
   */
  BACKPROP_GRADIENT("backprop_gradient", EnumSet.of(VARIANCE, STD, MIN, MAX)),
  /**
   * Weight gradients dC/dW^{k-1} of the mean cost C = (1/N) sum_n C_n over the monitor set, k = 1..L+1, over
   * all n_{k-1} x n_k entries (paper eq. 14, Fig. 8 and 9). Count, mean, variance, std, min and max are
   * recorded.
   */
  WEIGHT_GRADIENT("weight_gradient", EnumSet.of(VARIANCE, STD, MIN, MAX)),
  /** The weights W^{k-1} themselves, k = 1..L+1. Count, mean, variance, std, min and max are recorded. */
  WEIGHT("weight", EnumSet.of(VARIANCE, STD, MIN, MAX)),
  /**
   * The relative size of a step along the monitor-set gradient, eta ||dC/dW^{k-1}||_F / ||W^{k-1}||_F with
   * eta the learning rate, k = 1..L+1: one value in {@code mean}, {@code count} = 1, and no other statistic.
   * A training step on a mini-batch is larger by the gradient noise of its batch.
   */
  UPDATE_RATIO("update_ratio", EnumSet.noneOf(Statistic.class)),
  /**
   * Singular values of the Jacobian J^{k-1} = dz^k/dz^{k-1} = diag(f'(s^{k-1})) (W^{k-1})^T, an n_k x n_{k-1}
   * matrix, for each hidden-to-hidden layer k = 2..L (paper section 4.2), on the first few monitor examples.
   * {@code count} = examples x singular values; {@code mean}, {@code variance} and the percentiles pool every
   * singular value of every example (the mean is therefore the per-example mean singular value averaged over
   * the examples); {@code min} and {@code max} are the smallest and the largest singular value of each
   * example, averaged over the examples. Singular values are not negative, so the percentile of their
   * absolute values is not recorded separately, and no saturated fraction either.
   */
  JACOBIAN_SINGULAR_VALUE("jacobian_singular_value", EnumSet.of(VARIANCE, STD, MIN, MAX, P02, P50, P98));

  private final String configName;
  private final Set<Statistic> recorded;

  Quantity(String configName, Set<Statistic> recorded) {
    this.configName = configName;
    this.recorded = Set.copyOf(recorded);
  }

  /** Whether rows of this quantity record {@code statistic} (every row records its count and mean). */
  public boolean records(Statistic statistic) {
    return recorded.contains(statistic);
  }

  /** The name stored in result tables, e.g. {@code "backprop_gradient"}. */
  public String configName() {
    return configName;
  }

  /** Looks a quantity up by its stored name; the error names the value and the allowed names. */
  public static Quantity fromConfigName(String name) {
    return ConfigNames.lookup(values(), Quantity::configName, "quantity", name);
  }
}
