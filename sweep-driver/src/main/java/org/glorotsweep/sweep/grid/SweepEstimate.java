package org.glorotsweep.sweep.grid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glorotsweep.core.TrialCosts;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.MeasurementSchedule;

/**
 * The estimated wall-clock seconds of a set of trials on one core each: the costs of each distinct {@linkplain
 * CostModel#shapeOf shape} are measured once, and each trial is priced with {@link TrialCosts#secondsOf}, which
 * counts its updates and its measurement points (learning curves, layer statistics and Jacobians). A sweep
 * also pays a cold start on each executor core that runs its trials ({@link TrialCosts#coldStart}: loading the
 * data and compiling the code in a fresh JVM), taken as the sum of what each shape's probe measured: the
 * probe's JVM is as fresh as an executor's at its first shape, and each later shape compiles what it adds.
 */
public final class SweepEstimate {
  /** The share of a trial's time at measurement points above which {@link #monitoringWarnings} speaks up. */
  public static final double MONITORING_WARNING_SHARE = 0.5;

  private final Map<TrialSpec, TrialCosts> costsByShape;
  private final double measuringSeconds;

  private SweepEstimate(Map<TrialSpec, TrialCosts> costsByShape, double measuringSeconds) {
    this.costsByShape = costsByShape;
    this.measuringSeconds = measuringSeconds;
  }

  /**
   * Measures every distinct shape of {@code specs} once.
   *
   * @throws IOException when a data set cannot be loaded
   */
  public static SweepEstimate of(List<TrialSpec> specs, TrialCostSource source) throws IOException {
    long start = System.nanoTime();
    Map<TrialSpec, TrialCosts> costs = new LinkedHashMap<>();
    for (TrialSpec spec : specs) {
      TrialSpec shape = CostModel.shapeOf(spec);
      if (!costs.containsKey(shape)) {
        costs.put(shape, source.costsOf(shape));
      }
    }
    return new SweepEstimate(costs, (System.nanoTime() - start) / 1e9);
  }

  /** The number of distinct shapes measured. */
  public int shapes() {
    return costsByShape.size();
  }

  /** The wall-clock seconds the measurements took. */
  public double measuringSeconds() {
    return measuringSeconds;
  }

  /** The estimated seconds of {@code spec}, one of the specs this estimate was made for. */
  public double secondsOf(TrialSpec spec) {
    return costsOf(spec).secondsOf(spec);
  }

  /** The estimated share of {@code spec}'s time spent at measurement points, in [0, 1]. */
  public double monitoringShareOf(TrialSpec spec) {
    TrialCosts costs = costsOf(spec);
    double total = costs.secondsOf(spec);
    return total > 0 ? costs.monitoringSecondsOf(spec) / total : 0;
  }

  /**
   * The seconds a fresh executor core adds to its trials: the sum of every shape's cold start (the first
   * shape probed pays for loading the data and compiling the common code, each later one for what it
   * compiles anew, as a trial of a new shape does on an executor).
   */
  public double coldStartSeconds() {
    return costsByShape.values().stream().mapToDouble(TrialCosts::coldStart).sum();
  }

  /** The estimated seconds of all of {@code specs}, trials only (no cold starts). */
  private double totalSecondsOf(List<TrialSpec> specs) {
    return specs.stream().mapToDouble(this::secondsOf).sum();
  }

  /**
   * The estimated core-seconds of running all of {@code specs} on {@code cores} executor cores: their trials'
   * seconds and a cold start on each core that gets a trial, min(cores, trials) of them.
   */
  public double sweepSecondsOf(List<TrialSpec> specs, int cores) {
    return totalSecondsOf(specs) + Math.min(cores, specs.size()) * coldStartSeconds();
  }

  /**
   * One warning per group whose trials spend more than {@value #MONITORING_WARNING_SHARE} of their estimated
   * time at measurement points, naming the first such trial, its share and what to change.
   */
  public List<String> monitoringWarnings(List<PlannedTrial> trials) {
    Map<String, PlannedTrial> firstByGroup = new LinkedHashMap<>();
    Map<String, Integer> countByGroup = new LinkedHashMap<>();
    for (PlannedTrial trial : trials) {
      if (monitoringShareOf(trial.spec()) > MONITORING_WARNING_SHARE) {
        firstByGroup.putIfAbsent(trial.group(), trial);
        countByGroup.merge(trial.group(), 1, Integer::sum);
      }
    }
    List<String> warnings = new ArrayList<>();
    for (PlannedTrial first : firstByGroup.values()) {
      TrialSpec spec = first.spec();
      MeasurementSchedule schedule = MeasurementSchedule.of(spec.monitor(), spec.training().updates());
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s: monitoring would dominate %d trial(s) of group '%s': %s spends %.0f%% of its estimated %.3g s"
                  + " at %d measurement points (%d with layer Jacobians) for %d updates; widen monitor.interval,"
                  + " lower monitor.evaluation_examples or monitor.jacobian_examples, or set monitor.enabled: false",
              first.origin(), countByGroup.get(first.group()), first.group(), first.trialId(),
              100 * monitoringShareOf(spec), secondsOf(spec), schedule.points().length,
              schedule.jacobianPointCount(), spec.training().updates()));
    }
    return warnings;
  }

  private TrialCosts costsOf(TrialSpec spec) {
    TrialCosts costs = costsByShape.get(CostModel.shapeOf(spec));
    if (costs == null) {
      throw new IllegalArgumentException("no costs measured for the shape of " + spec.toJson());
    }
    return costs;
  }
}
