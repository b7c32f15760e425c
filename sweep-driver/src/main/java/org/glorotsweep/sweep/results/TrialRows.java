package org.glorotsweep.sweep.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.Histogram;
import org.glorotsweep.core.result.LayerStatistics;
import org.glorotsweep.core.result.Provenance;
import org.glorotsweep.core.result.Statistic;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.sweep.grid.PlannedTrial;

/**
 * Turns one trial's outcome into the rows of every {@link ResultTable}, in each table's column order. A
 * trial yields exactly one {@code trials} row and zero or more rows of the others. A value the trial did not
 * record is null (SQL NULL), never NaN.
 */
public final class TrialRows {
  private TrialRows() {}

  /** The rows of a trial that ran to a result (ok, diverged or timeout). */
  public static Map<ResultTable, List<Object[]>> of(
      PlannedTrial trial, TrialResult result, ExecutionInfo execution) {
    return of(trial, result, null, execution);
  }

  /**
   * The rows of a trial that ran to a result, in a search when {@code search} is not null (a trial the search
   * stopped has status stopped and its stop columns).
   */
  public static Map<ResultTable, List<Object[]>> of(
      PlannedTrial trial, TrialResult result, SearchColumns search, ExecutionInfo execution) {
    Map<ResultTable, List<Object[]>> rows = new EnumMap<>(ResultTable.class);
    Object[] trialRow = trialRow(trial, result, null, result.provenance(), execution);
    if (search != null) {
      setSearchColumns(trialRow, search);
    }
    rows.put(ResultTable.TRIALS, List.<Object[]>of(trialRow));
    rows.put(ResultTable.CURVES, curveRows(trial.trialId(), result.curve()));
    rows.put(ResultTable.LAYER_STATS, layerRows(trial.trialId(), result.layerStatistics()));
    rows.put(ResultTable.HISTOGRAMS, histogramRows(trial.trialId(), result.histograms()));
    return rows;
  }

  /** The rows of a trial that failed: its {@code trials} row only. */
  public static Map<ResultTable, List<Object[]>> ofFailure(
      PlannedTrial trial, TrialFailure failure, Provenance provenance, ExecutionInfo execution) {
    Map<ResultTable, List<Object[]>> rows = new EnumMap<>(ResultTable.class);
    for (ResultTable table : ResultTable.values()) {
      rows.put(table, List.of());
    }
    rows.put(ResultTable.TRIALS, List.<Object[]>of(trialRow(trial, null, failure, provenance, execution)));
    return rows;
  }

  private static Object[] trialRow(
      PlannedTrial trial, TrialResult result, TrialFailure failure, Provenance provenance,
      ExecutionInfo execution) {
    TrialSpec spec = trial.spec();
    Row row = new Row(ResultTable.TRIALS);
    row.set("trial_id", trial.trialId())
        .set("group_name", trial.group())
        .set("repeat", trial.repeat())
        .set("origin", trial.origin())
        .set("dataset", spec.data().name())
        .set("data_options", spec.data().optionsJson())
        .set("depth", spec.network().depth())
        .set("hidden_widths", spec.network().hiddenWidths().stream().mapToInt(Integer::intValue).toArray())
        .set("width", trial.width().isPresent() ? trial.width().getAsInt() : null)
        .set("activation", spec.network().activation().configName())
        .set("init", spec.network().init().configName())
        .set("init_gain", spec.network().initGain())
        .set("cost", spec.training().cost().configName())
        .set("learning_rate", spec.training().learningRate())
        .set("batch_size", spec.training().batchSize())
        .set("updates", spec.training().updates())
        .set("precision", spec.training().precision().configName())
        .set("seed", spec.seed())
        .set("wall_seconds", execution.wallSeconds())
        .set("host", execution.host())
        .set("attempt", execution.attempt())
        .set("project_version", provenance.projectVersion())
        .set("git_commit", provenance.gitCommit())
        .set("java_version", provenance.javaVersion() + " (" + provenance.javaVendor() + ")")
        .set("spark_version", execution.sparkVersion())
        .set("ejml_version", provenance.ejmlVersion())
        .set("os_arch", provenance.os() + " " + provenance.arch())
        .set("kernel", provenance.kernel())
        .set("data_fingerprint", provenance.dataFingerprint())
        .set("maths_version", provenance.mathsVersion())
        .set("spec_json", spec.toJson())
        .set("results_version", ResultTable.RESULTS_VERSION);
    if (failure != null) {
      row.set("status", "failed")
          .set("error_class", failure.errorClass())
          .set("error_message", failure.message())
          .set("stack_tail", failure.stackTail())
          .set("updates_done", 0L);
    } else {
      CurvePoint last = result.lastPoint();
      CurvePoint best = result.bestValidationPoint();
      row.set("status", result.status().configName())
          .set("diverged_at_update", result.divergedAtUpdate().isPresent()
              ? result.divergedAtUpdate().getAsLong() : null)
          .set("updates_done", result.updatesDone())
          .set("final_update", last.update())
          .set("final_train_cost", nullIfAbsent(last.trainingCost()))
          .set("final_valid_error", last.validation().error())
          .set("final_valid_nll", last.validation().nll())
          .set("final_test_error", last.test().error())
          .set("final_test_nll", last.test().nll())
          .set("best_valid_error", best.validation().error())
          .set("best_valid_update", best.update())
          .set("test_error_at_best_valid", best.test().error())
          .set("test_examples", result.testExamples())
          .set("weights_sha256", result.weightsSha256())
          .set("resumed_from_update", result.resumedFromUpdate().isPresent()
              ? result.resumedFromUpdate().getAsLong() : null);
    }
    return row.values();
  }

  private static void setSearchColumns(Object[] trialRow, SearchColumns search) {
    Row row = new Row(ResultTable.TRIALS, trialRow);
    row.set("search_rungs", search.rungs().stream().mapToLong(Long::longValue).toArray());
    if (search.stopped()) {
      row.set("stopped_at_rung", search.stoppedAtRung())
          .set("stop_metric", search.metric())
          .set("stop_metric_value", search.metricValue())
          .set("stop_rank", search.rank())
          .set("stop_reason", search.reason());
    }
  }

  private static List<Object[]> curveRows(String trialId, List<CurvePoint> curve) {
    List<Object[]> rows = new ArrayList<>(curve.size());
    for (CurvePoint p : curve) {
      rows.add(new Row(ResultTable.CURVES)
          .set("trial_id", trialId)
          .set("update", p.update())
          .set("train_cost", nullIfAbsent(p.trainingCost()))
          .set("valid_error", p.validation().error())
          .set("valid_nll", p.validation().nll())
          .set("test_error", p.test().error())
          .set("test_nll", p.test().nll())
          .values());
    }
    return rows;
  }

  private static List<Object[]> layerRows(String trialId, List<LayerStatistics> statistics) {
    List<Object[]> rows = new ArrayList<>(statistics.size());
    for (LayerStatistics s : statistics) {
      rows.add(new Row(ResultTable.LAYER_STATS)
          .set("trial_id", trialId)
          .set("update", s.update())
          .set("layer", s.layer())
          .set("quantity", s.quantity().configName())
          .set("count", s.count())
          .set("mean", s.mean())
          .set("variance", nullIfAbsent(s.recorded(Statistic.VARIANCE)))
          .set("std", nullIfAbsent(s.recorded(Statistic.STD)))
          .set("min", nullIfAbsent(s.recorded(Statistic.MIN)))
          .set("max", nullIfAbsent(s.recorded(Statistic.MAX)))
          .set("p02", nullIfAbsent(s.recorded(Statistic.P02)))
          .set("p50", nullIfAbsent(s.recorded(Statistic.P50)))
          .set("p98", nullIfAbsent(s.recorded(Statistic.P98)))
          .set("p98_abs", nullIfAbsent(s.recorded(Statistic.P98_ABS)))
          .set("saturated_fraction", nullIfAbsent(s.recorded(Statistic.SATURATED_FRACTION)))
          .values());
    }
    return rows;
  }

  private static List<Object[]> histogramRows(String trialId, List<Histogram> histograms) {
    List<Object[]> rows = new ArrayList<>(histograms.size());
    for (Histogram h : histograms) {
      rows.add(new Row(ResultTable.HISTOGRAMS)
          .set("trial_id", trialId)
          .set("update", h.update())
          .set("layer", h.layer())
          .set("quantity", h.quantity().configName())
          .set("low", h.low())
          .set("high", h.high())
          .set("counts", h.counts())
          .values());
    }
    return rows;
  }

  /** The value, or null (SQL NULL: not recorded) when there is none; a NaN value stays NaN. */
  private static Double nullIfAbsent(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  /** A row under construction, filled by column name so that the order lives only in the table. */
  private static final class Row {
    private final ResultTable table;
    private final Object[] values;

    Row(ResultTable table) {
      this(table, new Object[table.columns().size()]);
    }

    /** A row over {@code values}, filled further in place. */
    Row(ResultTable table, Object[] values) {
      this.table = table;
      this.values = values;
    }

    Row set(String column, Object value) {
      values[table.indexOf(column)] = value;
      return this;
    }

    Object[] values() {
      return values;
    }
  }
}
