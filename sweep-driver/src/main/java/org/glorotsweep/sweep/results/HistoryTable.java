package org.glorotsweep.sweep.results;

import static org.glorotsweep.sweep.results.Column.optional;
import static org.glorotsweep.sweep.results.Column.required;
import static org.glorotsweep.sweep.results.ColumnType.BOOLEAN;
import static org.glorotsweep.sweep.results.ColumnType.DOUBLE;
import static org.glorotsweep.sweep.results.ColumnType.INT;
import static org.glorotsweep.sweep.results.ColumnType.LONG;
import static org.glorotsweep.sweep.results.ColumnType.STRING;
import static org.glorotsweep.sweep.results.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Tables of what was done to a sweep's committed trials after they were committed, partitioned like the
 * {@link ResultTable}s ({@code OUTPUT/<table>/sweep=<name>/}) but with one Parquet file per run of the command
 * that wrote them, named by that run's id, rather than one per trial. A file is written whole by the command's
 * driver and published under its final name once, so a reader sees all of a run's rows or none.
 */
public enum HistoryTable implements TableSchema {
  /** One row per trial per reproduction run: the verdict on re-running a committed trial, and why. */
  REPRODUCTIONS("reproductions", List.of(
      required("reproduction_id", STRING, "The reproduction run: its UTC start (yyyyMMdd'T'HHmmss'Z') and 8 random hex digits, so ids sort by time."),
      required("started_at", TIMESTAMP, "When the reproduction run started."),
      required("trial_id", STRING, "The committed trial that was run again."),
      required("verdict", STRING, "identical, within_tolerance, drifted or failed (see the README's Reproducibility)."),
      optional("cause", STRING, "The likely cause of a verdict other than identical: data, code, java, spark, kernel, environment, or ours (nothing changed: a defect of glorot-sweep); null when identical."),
      required("changed", STRING, "The provenance that differs between the committed run and the re-run, comma-separated in the order data, code (git_commit or maths_version), java, spark, kernel, environment (ejml_version, os_arch); empty when none."),
      optional("weights_identical", BOOLEAN, "Whether the final weights are bitwise equal (equal weights_sha256); null when the re-run failed."),
      required("compared_values", LONG, "How many values of the trial's rows were compared."),
      required("differing_values", LONG, "How many of them differ at all."),
      required("beyond_tolerance", LONG, "How many of them differ by more than their tolerance."),
      optional("worst_table", STRING, "The table of the value that differs most, relative to its tolerance; null when none differs."),
      optional("worst_column", STRING, "Its column."),
      optional("worst_update", LONG, "Its update (curve, statistics and histogram rows); null for the trials row."),
      optional("worst_layer", INT, "Its layer (statistics and histogram rows)."),
      optional("worst_quantity", STRING, "Its quantity (statistics and histogram rows)."),
      optional("worst_committed", DOUBLE, "Its committed value; null when the row is missing there, or for histogram counts."),
      optional("worst_rerun", DOUBLE, "Its re-run value; null when the row is missing there, or for histogram counts."),
      optional("worst_difference", DOUBLE, "Its difference as compared: absolute for errors, relative for costs and statistics, the fraction of counts moved for histograms; Infinity when a row is missing or an exact value differs."),
      optional("worst_tolerance", DOUBLE, "The tolerance it was compared with."),
      optional("largest_differences", STRING, "The five largest differences relative to their tolerances, as text."),
      optional("rerun_error", STRING, "For failed re-runs: the error's class and message."),
      required("tolerances", STRING, "The tolerances used, as KEY=VALUE pairs."),
      optional("committed_maths_version", INT, "maths_version of the committed trial."),
      optional("rerun_maths_version", INT, "maths_version of the re-run; null when it failed before training."),
      required("committed_git_commit", STRING, "git_commit of the committed trial."),
      required("rerun_git_commit", STRING, "git_commit of the re-run."),
      required("committed_java_version", STRING, "java_version of the committed trial."),
      required("rerun_java_version", STRING, "java_version of the re-run."),
      required("committed_spark_version", STRING, "spark_version of the committed trial."),
      required("rerun_spark_version", STRING, "spark_version of the re-run."),
      optional("committed_kernel", STRING, "kernel of the committed trial."),
      optional("rerun_kernel", STRING, "kernel of the re-run; null when it failed before training."),
      optional("committed_data_fingerprint", STRING, "data_fingerprint of the committed trial."),
      optional("rerun_data_fingerprint", STRING, "data_fingerprint of the re-run; null when it failed before training."),
      required("committed_environment", STRING, "ejml_version and os_arch of the committed trial."),
      required("rerun_environment", STRING, "ejml_version and os_arch of the re-run."),
      required("committed_host", STRING, "Host of the committed trial's executor."),
      required("rerun_host", STRING, "Host of the re-run's executor."),
      required("rerun_wall_seconds", DOUBLE, "Wall-clock seconds the re-run took.")));

  private final String directory;
  private final List<Column> columns;

  HistoryTable(String directory, List<Column> columns) {
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
