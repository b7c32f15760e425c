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
  TIMEOUT("timeout"),
  /**
   * Training paused after the update a run was asked to stop after, short of the spec's updates: a rung of a
   * search. The trial's state there is its checkpoint; the driver's search decides whether it continues or
   * ends here, as a result with this status.
   */
  STOPPED("stopped");

  private final String configName;

  TrialStatus(String configName) {
    this.configName = configName;
  }

  /** The name stored in result tables. */
  public String configName() {
    return configName;
  }
}
