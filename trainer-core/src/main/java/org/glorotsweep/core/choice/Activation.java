package org.glorotsweep.core.choice;

/**
 * Hidden-unit non-linearities z = f(s), each with its derivative written as a function of the output
 * z, which is what back-propagation has at hand (Glorot and Bengio 2010, section 2.3 and 3).
 *
 * <p>The paper's three are {@link #SIGMOID}, {@link #TANH} and {@link #SOFTSIGN}; {@link #RELU} and
 * {@link #IDENTITY} are for experiments beyond it. Each constant also states its saturation rule, used by
 * the activation monitors (paper Fig. 3 and 10).
 */
public enum Activation {
  /** f(s) = 1 / (1 + e^-s); f' = z (1 - z). Saturated when z &lt; 0.01 or z &gt; 0.99. */
  SIGMOID("sigmoid", 0.0, 1.0) {
    @Override
    public double apply(double s) {
      return 1.0 / (1.0 + StrictMath.exp(-s));
    }

    @Override
    public double derivativeFromOutput(double z) {
      return z * (1.0 - z);
    }

    @Override
    public boolean isSaturated(double z) {
      return z < 0.01 || z > 0.99;
    }
  },
  /** f(s) = tanh(s); f' = 1 - z^2. Saturated when |z| &gt; 0.99. */
  TANH("tanh", -1.0, 1.0) {
    @Override
    public double apply(double s) {
      return StrictMath.tanh(s);
    }

    @Override
    public double derivativeFromOutput(double z) {
      return 1.0 - z * z;
    }

    @Override
    public boolean isSaturated(double z) {
      return Math.abs(z) > 0.99;
    }
  },
  /** f(s) = s / (1 + |s|) (Bergstra et al. 2009); f' = 1/(1+|s|)^2 = (1 - |z|)^2. Saturated when |z| &gt; 0.99. */
  SOFTSIGN("softsign", -1.0, 1.0) {
    @Override
    public double apply(double s) {
      return s / (1.0 + Math.abs(s));
    }

    @Override
    public double derivativeFromOutput(double z) {
      double g = 1.0 - Math.abs(z);
      return g * g;
    }

    @Override
    public boolean isSaturated(double z) {
      return Math.abs(z) > 0.99;
    }
  },
  /** f(s) = max(0, s); f' = 1 where z &gt; 0, else 0. Never counted as saturated. */
  RELU("relu", 0.0, Double.POSITIVE_INFINITY) {
    @Override
    public double apply(double s) {
      return s > 0.0 ? s : 0.0;
    }

    @Override
    public double derivativeFromOutput(double z) {
      return z > 0.0 ? 1.0 : 0.0;
    }

    @Override
    public boolean isSaturated(double z) {
      return false;
    }
  },
  /** f(s) = s; f' = 1 (a linear network). Never counted as saturated. */
  IDENTITY("identity", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) {
    @Override
    public double apply(double s) {
      return s;
    }

    @Override
    public double derivativeFromOutput(double z) {
      return 1.0;
    }

    @Override
    public boolean isSaturated(double z) {
      return false;
    }
  };

  private final String configName;
  private final double lowerBound;
  private final double upperBound;

  Activation(String configName, double lowerBound, double upperBound) {
    this.configName = configName;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** The output z = f(s). */
  public abstract double apply(double s);

  /** The derivative f'(s) expressed through the output z = f(s). */
  public abstract double derivativeFromOutput(double z);

  /** Whether the output z counts as saturated for the paper's saturation plots. */
  public abstract boolean isSaturated(double z);

  /** The name used in configs and result tables, e.g. {@code "tanh"}. */
  public String configName() {
    return configName;
  }

  /** Infimum of the range of f (may be infinite). */
  public double lowerBound() {
    return lowerBound;
  }

  /** Supremum of the range of f (may be infinite). */
  public double upperBound() {
    return upperBound;
  }

  /**
   * Looks an activation up by its config name.
   *
   * @throws IllegalArgumentException naming the value and the allowed names
   */
  public static Activation fromConfigName(String name) {
    return ConfigNames.lookup(values(), Activation::configName, "activation", name);
  }
}
