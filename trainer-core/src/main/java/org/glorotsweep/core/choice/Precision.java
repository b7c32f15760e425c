package org.glorotsweep.core.choice;

/**
 * The element type a trial trains in. {@link #FLOAT32} is what people train in; {@link #FLOAT64} is the
 * reference, used for gradient checks and to bound float32's rounding error.
 */
public enum Precision {
  /** IEEE 754 binary32, on EJML's {@code FMatrixRMaj}. */
  FLOAT32("float32"),
  /** IEEE 754 binary64, on EJML's {@code DMatrixRMaj}. */
  FLOAT64("float64");

  private final String configName;

  Precision(String configName) {
    this.configName = configName;
  }

  /** The name used in configs and result tables. */
  public String configName() {
    return configName;
  }

  /** Looks a precision up by its config name; the error names the value and the allowed names. */
  public static Precision fromConfigName(String name) {
    return ConfigNames.lookup(values(), Precision::configName, "precision", name);
  }
}
