package org.glorotsweep.core.result;

/** How a trial ended. */
public enum TrialStatus {
  /** All updates done. */
  OK("ok"),
  /** A mini-batch cost was NaN or infinite; training stopped at that update. */
  DIVERGED("diverged"),
  /** An error escaped the trial (set by the driver, which records the cause). */
  FAILED("failed"),
  /** The per-trial wall-clock limit passed; training stopped. */
  TIMEOUT("timeout");

  private final String configName;

  TrialStatus(String configName) {
    this.configName = configName;
  }

  /** The name stored in result tables. */
  public String configName() {
    return configName;
  }
}
