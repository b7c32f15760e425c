package org.glorotsweep.sweep.reproduce;

import java.util.List;

/**
 * What a reproduction run found, counted by verdict.
 *
 * @param sweep the sweep reproduced
 * @param reproductionId the run's id
 * @param identical trials whose re-run is bitwise identical
 * @param withinTolerance trials whose re-run differs within tolerance
 * @param drifted trials whose re-run differs beyond tolerance
 * @param failed trials whose re-run failed
 * @param ours trials not identical although no provenance changed: defects of glorot-sweep
 * @param oursTrials the ids of those trials
 */
public record ReproductionSummary(String sweep, String reproductionId, long identical, long withinTolerance,
    long drifted, long failed, long ours, List<String> oursTrials) {

  /** Copies {@code oursTrials}. */
  public ReproductionSummary {
    oursTrials = List.copyOf(oursTrials);
  }

  /** The trials compared. */
  public long trials() {
    return identical + withinTolerance + drifted + failed;
  }

  /** 0 when every trial is identical or within tolerance, else 1. */
  public int exitCode() {
    return drifted + failed == 0 ? 0 : 1;
  }

  /**
   * The one line for logs and alerting, e.g. {@code reproduce smoke 20261203T051200Z-1a2b3c4d: 5 trials,
   * 5 identical, 0 within_tolerance, 0 drifted, 0 failed; exit 0}, with {@code , N not reproducible under
   * unchanged provenance (a glorot-sweep defect)} before the exit code when there are such trials.
   */
  public String line() {
    return String.format("reproduce %s %s: %d trials, %d identical, %d within_tolerance, %d drifted, %d failed%s;"
        + " exit %d", sweep, reproductionId, trials(), identical, withinTolerance, drifted, failed,
        ours == 0 ? "" : ", " + ours + " not reproducible under unchanged provenance (a glorot-sweep defect)",
        exitCode());
  }
}
