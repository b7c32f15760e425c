package org.glorotsweep.core.choice;

/**
 * Costs on the softmax output p = softmax(s) of the last layer, for one example with label y and one-hot
 * target e_y. Each returns the cost and writes dCost/ds, its gradient with respect to the logits s. Both
 * are computed in float64 from the logits whatever the training precision, and the softmax is shifted by
 * max(s) so that it never overflows.
 */
public enum Cost {
  /**
   * The paper's cost, the negative log-likelihood: C = -log p_y = logsumexp(s) - s_y;
   * dC/ds = p - e_y.
   */
  NLL("nll") {
    @Override
    public double lossAndGradient(double[] logits, int classes, int label, double[] gradient) {
      double logNormalizer = softmax(logits, classes, gradient);
      double loss = logNormalizer - logits[label];
      gradient[label] -= 1.0;
      return loss;
    }
  },
  /**
   * The quadratic cost of the paper's Fig. 5: C = 1/2 sum_k (p_k - y_k)^2. With g = p - e_y,
   * dC/ds_j = p_j (g_j - sum_k g_k p_k).
   */
  QUADRATIC("quadratic") {
    @Override
    public double lossAndGradient(double[] logits, int classes, int label, double[] gradient) {
      softmax(logits, classes, gradient);
      double loss = 0.0;
      double projection = 0.0;
      for (int k = 0; k < classes; k++) {
        double g = gradient[k] - (k == label ? 1.0 : 0.0);
        loss += 0.5 * g * g;
        projection += g * gradient[k];
      }
      for (int j = 0; j < classes; j++) {
        double p = gradient[j];
        double g = p - (j == label ? 1.0 : 0.0);
        gradient[j] = p * (g - projection);
      }
      return loss;
    }
  };

  private final String configName;

  Cost(String configName) {
    this.configName = configName;
  }

  /** The name used in configs and result tables. */
  public String configName() {
    return configName;
  }

  /**
   * Computes the cost of one example and its gradient.
   *
   * @param logits the softmax layer's pre-activations s, first {@code classes} entries. Not modified.
   * @param classes number of classes K
   * @param label the target class y in [0, K)
   * @param gradient receives dC/ds in its first K entries. Modified.
   * @return the cost C of this example
   */
  public abstract double lossAndGradient(double[] logits, int classes, int label, double[] gradient);

  /** Looks a cost up by its config name; the error names the value and the allowed names. */
  public static Cost fromConfigName(String name) {
    return ConfigNames.lookup(values(), Cost::configName, "cost", name);
  }

  /**
   * p = softmax(s), computed as exp(s - m) / sum exp(s - m) with m = max(s).
   *
   * @return log sum_k exp(s_k), the log-normaliser
   */
  static double softmax(double[] logits, int classes, double[] probabilities) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      max = Math.max(max, logits[k]);
    }
    double sum = 0.0;
    for (int k = 0; k < classes; k++) {
      probabilities[k] = StrictMath.exp(logits[k] - max);
      sum += probabilities[k];
    }
    for (int k = 0; k < classes; k++) {
      probabilities[k] /= sum;
    }
    return max + StrictMath.log(sum);
  }
}
