package org.glorotsweep.sweep.results;

import static org.glorotsweep.sweep.results.Column.optional;
import static org.glorotsweep.sweep.results.Column.required;
import static org.glorotsweep.sweep.results.ColumnType.DOUBLE;
import static org.glorotsweep.sweep.results.ColumnType.INT;
import static org.glorotsweep.sweep.results.ColumnType.INT_ARRAY;
import static org.glorotsweep.sweep.results.ColumnType.LONG;
import static org.glorotsweep.sweep.results.ColumnType.LONG_ARRAY;
import static org.glorotsweep.sweep.results.ColumnType.STRING;

import java.util.List;

/**
 * The four result tables of a sweep's trials, each stored as Parquet under {@code OUTPUT/<table>/sweep=<name>/},
 * one file per trial. Their columns are declared here once; the Spark schema used to read them and the Parquet
 * schema used to write them both derive from that declaration ({@link TableSchema}). {@code sweep} is the
 * partition column: it is the directory name, not stored in the files, and comes last in the Spark schema.
 *
 * <p>A value that was not recorded is NULL (a column declared optional); NaN is only ever a value that was
 * computed and came out NaN, such as the NLL of a diverged network. {@link #RESULTS_VERSION}, stored in
 * every {@code trials} row, changes whenever a column is added or its meaning changes.
 */
public enum ResultTable implements TableSchema {
  /** One row per trial: identity, every config axis, outcome, and provenance. */
  TRIALS("trials", List.of(
      required("trial_id", STRING, "Hash of the trial's canonical spec (32 hex digits); the same spec has the same id in any sweep."),
      required("group_name", STRING, "The config group the trial came from."),
      required("repeat", INT, "Repeat index within its group."),
      required("origin", STRING, "The config key paths whose values the trial takes."),
      required("dataset", STRING, "Data set name (shapeset, mnist, fashion-mnist, cifar10, idx)."),
      required("data_options", STRING, "The data set's options as canonical JSON."),
      required("depth", INT, "Number of hidden layers."),
      required("hidden_widths", INT_ARRAY, "Width of each hidden layer, bottom first."),
      optional("width", INT, "The common hidden width; null when widths differ or depth is 0."),
      required("activation", STRING, "Hidden activation: sigmoid, tanh, softsign, relu or identity."),
      required("init", STRING, "Weight initialisation: standard, normalized, he, lecun or orthogonal."),
      required("init_gain", DOUBLE, "Factor applied to every initial weight."),
      required("cost", STRING, "Training cost: nll or quadratic."),
      required("learning_rate", DOUBLE, "Constant SGD step size."),
      required("batch_size", INT, "Examples per SGD update."),
      required("updates", LONG, "SGD updates the spec asks for."),
      required("precision", STRING, "float32 or float64."),
      required("seed", LONG, "The trial's seed, derived from the sweep seed and the trial id."),
      required("status", STRING, "ok, diverged, failed, timeout or stopped (by a search, at a rung)."),
      optional("diverged_at_update", LONG, "For diverged trials: the 1-based update whose cost was not finite."),
      optional("error_class", STRING, "For failed trials: the exception's class."),
      optional("error_message", STRING, "For failed trials: the exception's message."),
      optional("stack_tail", STRING, "For failed trials: the last frames of the stack trace."),
      required("updates_done", LONG, "SGD updates applied."),
      optional("final_update", LONG, "Update of the last curve point, where training stopped (updates_done); null for failed trials."),
      optional("final_train_cost", DOUBLE, "Mean training cost over the updates before the last point; null when that point is update 0."),
      optional("final_valid_error", DOUBLE, "Validation error at the last point."),
      optional("final_valid_nll", DOUBLE, "Validation NLL at the last point."),
      optional("final_test_error", DOUBLE, "Test error at the last point."),
      optional("final_test_nll", DOUBLE, "Test NLL at the last point."),
      optional("best_valid_error", DOUBLE, "Lowest validation error over the curve."),
      optional("best_valid_update", LONG, "Update at which the lowest validation error was measured."),
      optional("test_error_at_best_valid", DOUBLE, "Test error at that update (model selection by validation)."),
      optional("test_examples", INT, "Test examples behind every test error of the trial (the test set, or its first monitor.evaluation_examples); null for failed trials and rows before results_version 5."),
      optional("weights_sha256", STRING, "SHA-256 of the final weights' bits; equal digests mean bitwise-equal networks."),
      optional("resumed_from_update", LONG, "The update of the checkpoint the committed attempt resumed from; null when it started at update 0."),
      optional("search_rungs", LONG_ARRAY, "For trials of a group with a search: the rung updates of its race, the last being updates; null otherwise."),
      optional("stopped_at_rung", INT, "For stopped trials: the rung (0 = the first) after which the search stopped it; its update is final_update."),
      optional("stop_metric", STRING, "For stopped trials: the metric the race ranked by (valid_error or best_valid_error)."),
      optional("stop_metric_value", DOUBLE, "For stopped trials: its learning rate's metric at that rung, the mean over repeats; null when a repeat ended before the rung."),
      optional("stop_rank", INT, "For stopped trials: that learning rate's rank at the rung (1 = best); null when it could not be ranked."),
      optional("stop_reason", STRING, "For stopped trials: the decision in words (rank, how many went on, or which repeat ended before the rung)."),
      required("wall_seconds", DOUBLE, "Wall-clock seconds the trial took on its executor."),
      required("host", STRING, "Host name of the executor that ran the committed attempt."),
      required("attempt", INT, "Spark attempt number of the committed attempt (0 = first)."),
      required("project_version", STRING, "glorot-sweep version."),
      required("git_commit", STRING, "Commit the code was built from ('-dirty' when uncommitted changes)."),
      required("java_version", STRING, "Java version of the executor."),
      required("spark_version", STRING, "Spark version of the executor."),
      required("ejml_version", STRING, "EJML version."),
      required("os_arch", STRING, "Operating system and CPU architecture of the executor."),
      optional("kernel", STRING, "Matrix-product kernel used (it changes the last bits of results)."),
      optional("data_fingerprint", STRING, "SHA-256 fingerprint of the data set."),
      optional("maths_version", INT, "Version of the trainer's maths that trained the trial (bumped by any change of the bits a spec trains to); null for a trial that failed before training and in rows before results version 4."),
      required("spec_json", STRING, "The full trial spec as canonical JSON."),
      optional("results_version", INT, "Version of the result tables' layout and meaning the row was written with; null in rows of version 1, where NaN also marked values not recorded."))),

  /** The learning curves: one row per trial and measurement point. */
  CURVES("curves", List.of(
      required("trial_id", STRING, "The trial."),
      required("update", LONG, "Updates done at this point; 0 is the initialisation."),
      optional("train_cost", DOUBLE, "Mean training cost since the previous point; null at update 0."),
      required("valid_error", DOUBLE, "Validation classification error."),
      required("valid_nll", DOUBLE, "Validation negative log-likelihood."),
      required("test_error", DOUBLE, "Test classification error."),
      required("test_nll", DOUBLE, "Test negative log-likelihood."))),

  /** Per-layer statistics of activations, gradients, weights and Jacobians at each measurement point. */
  LAYER_STATS("layer_stats", List.of(
      required("trial_id", STRING, "The trial."),
      required("update", LONG, "Updates done at this point."),
      required("layer", INT, "Layer index (see the README's layer numbering)."),
      required("quantity", STRING, "What is measured (activation, backprop_gradient, weight_gradient, weight, update_ratio, jacobian_singular_value)."),
      required("count", LONG, "Number of values summarised."),
      required("mean", DOUBLE, "Mean."),
      optional("variance", DOUBLE, "Population variance, (1/n) sum (x - mean)^2; null for update_ratio."),
      optional("std", DOUBLE, "Population standard deviation over the monitor set, sqrt(variance) (divisor n, as the paper's figures plot it); null for update_ratio."),
      optional("min", DOUBLE, "Minimum; null for update_ratio."),
      optional("max", DOUBLE, "Maximum; null for update_ratio."),
      optional("p02", DOUBLE, "2nd percentile of the signed values; null except for activation and jacobian_singular_value."),
      optional("p50", DOUBLE, "Median; null except for activation and jacobian_singular_value."),
      optional("p98", DOUBLE, "98th percentile of the signed values; null except for activation and jacobian_singular_value."),
      optional("p98_abs", DOUBLE, "98th percentile of absolute values; null except for activation."),
      optional("saturated_fraction", DOUBLE, "Fraction of saturated activations; null except for activation."))),

  /** Fixed-bin histograms of activations and gradients at each measurement point. */
  HISTOGRAMS("histograms", List.of(
      required("trial_id", STRING, "The trial."),
      required("update", LONG, "Updates done at this point."),
      required("layer", INT, "Layer index."),
      required("quantity", STRING, "What is histogrammed (activation, backprop_gradient, weight_gradient)."),
      required("low", DOUBLE, "Lower edge of the first bin."),
      required("high", DOUBLE, "Upper edge of the last bin."),
      required("counts", LONG_ARRAY, "Counts of equal-width bins from low to high."))),
  ;

  /**
   * The version of the tables' layout and meaning. 1: the first layout, with NaN for values not recorded; 2:
   * NULL for values not recorded, {@code layer_stats.std}, {@code trials.results_version}, and a last point
   * where a stopped trial stopped; 3: {@code trials.resumed_from_update}; 4: {@code trials.maths_version};
   * 5: {@code trials.test_examples}; 6: status {@code stopped} and the search columns {@code search_rungs},
   * {@code stopped_at_rung}, {@code stop_metric}, {@code stop_metric_value}, {@code stop_rank} and {@code
   * stop_reason}.
   */
  public static final int RESULTS_VERSION = 6;

  /** The partition column, taken from the directory {@code sweep=<name>}. */
  public static final String PARTITION_COLUMN = "sweep";

  private final String directory;
  private final List<Column> columns;

  ResultTable(String directory, List<Column> columns) {
    this.directory = directory;
    this.columns = columns;
  }

  @Override
  public String directory() {
    return directory;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }
}
