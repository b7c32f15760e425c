package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.glorotsweep.core.data.shapeset.ShapesetDataset;
import org.glorotsweep.core.data.shapeset.ShapesetGenerator;
import org.glorotsweep.core.data.shapeset.ShapesetOptions;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.sweep.config.ConfigError;
import org.glorotsweep.sweep.config.ConfigException;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.results.ResultTable;

/**
 * Keeps one sweep from holding Shapeset trials of two generator versions. A trial's id hashes its spec, not the
 * code, so resuming a sweep skips trials committed by an earlier build and runs only the rest: with a changed
 * Shapeset generator ({@link ShapesetGenerator#VERSION}) the sweep would silently mix two data sets. Before any
 * trial runs, this reads the sweep's committed {@code shapeset} rows and compares each row's
 * {@code data_fingerprint} with the one this build makes from the row's {@code data_options}; on a mismatch the
 * run is refused, naming the sweep, both generator versions and the ways out (a new output or sweep name, or
 * {@code --rerun}, which replaces every trial of the config). Rows without a fingerprint (trials that failed
 * before loading data) hold no data and pass.
 */
public final class ShapesetVersionGuard {
  private ShapesetVersionGuard() {}

  /**
   * Refuses a run that would add trials to {@code sweep} next to committed Shapeset trials of another generator
   * version: without {@code --rerun}, when any trial of the config is still to run or, with {@code
   * --retry-failed}, any failed or timed-out trial would run again; with {@code --rerun}, when such trials are
   * not in the config (a rerun would leave them).
   *
   * @throws ConfigException naming the config file, the sweep and what to do
   */
  public static void check(SparkSession spark, SweepConfig sweep, SweepDriver.Rerun rerun)
      throws IOException, ConfigException {
    List<Row> rows = ResultViews.view(spark, sweep.output(), ResultTable.TRIALS)
        .where(functions.col(ResultTable.PARTITION_COLUMN).equalTo(sweep.name()))
        .select(
            functions.col("trial_id"),
            functions.col("dataset"),
            functions.from_json(
                functions.col("data_options"),
                DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                Map.<String, String>of()),
            functions.col("data_fingerprint"),
            functions.col("status"))
        .collectAsList();
    Set<String> committed = new HashSet<>();
    boolean retrying = false;
    List<OtherVersion> others = new ArrayList<>();
    for (Row row : rows) {
      committed.add(row.getString(0));
      retrying |= rerun == SweepDriver.Rerun.FAILED && !TrialStatus.OK.configName().equals(row.getString(4))
          && !TrialStatus.DIVERGED.configName().equals(row.getString(4))
          && !TrialStatus.STOPPED.configName().equals(row.getString(4));
      if (ShapesetDataset.NAME.equals(row.getString(1)) && !row.isNullAt(3)) {
        otherVersion(row.getString(0), row.isNullAt(2) ? null : row.getJavaMap(2), row.getString(3))
            .ifPresent(others::add);
      }
    }
    Optional<String> problem = problem(sweep, committed, others, rerun == SweepDriver.Rerun.ALL, retrying);
    if (problem.isPresent()) {
      throw new ConfigException(sweep.source(), List.of(new ConfigError("sweep", problem.get())));
    }
  }

  /**
   * What is wrong with running {@code sweep} next to committed trials of other generator versions, if anything.
   *
   * @param committed the ids of every committed trial of the sweep
   * @param others the committed Shapeset trials whose fingerprint is not this build's
   * @param rerun whether every trial of the config runs again ({@code --rerun})
   * @param retrying whether committed failed or timed-out trials run again ({@code --retry-failed})
   */
  static Optional<String> problem(SweepConfig sweep, Set<String> committed, List<OtherVersion> others,
      boolean rerun, boolean retrying) {
    if (others.isEmpty()) {
      return Optional.empty();
    }
    Set<String> planned = new HashSet<>();
    for (PlannedTrial trial : sweep.trials()) {
      planned.add(trial.trialId());
    }
    List<OtherVersion> left = rerun
        ? others.stream().filter(other -> !planned.contains(other.trialId())).toList()
        : others;
    boolean adding = rerun || retrying || !committed.containsAll(planned);
    if (left.isEmpty() || !adding) {
      return Optional.empty();
    }
    Set<String> versions = new TreeSet<>();
    left.forEach(other -> versions.add(other.version()));
    String current = "v" + ShapesetGenerator.VERSION;
    String head = "sweep '" + sweep.name() + "' in " + sweep.output() + " holds " + left.size()
        + " committed Shapeset trial(s) made by generator " + String.join(", ", versions) + " (e.g. trial "
        + left.get(0).trialId() + ", data_fingerprint " + left.get(0).fingerprint() + "), but this build's"
        + " Shapeset generator is " + current + ": their images differ, so adding " + current
        + " trials would mix two data sets in one sweep.";
    String ways = rerun
        ? " They are not in this config, so --rerun would keep them; write to a new output (--output) or use"
            + " a new sweep name."
        : " Write to a new output (--output) or use a new sweep name, or pass --rerun to run every trial of"
            + " the config again with " + current + ".";
    return Optional.of(head + ways);
  }

  /** The row's generator version when its fingerprint is not the one this build makes from its options. */
  private static Optional<OtherVersion> otherVersion(
      String trialId, Map<String, String> options, String fingerprint) {
    ShapesetOptions parsed;
    try {
      Map<String, String> written = options == null ? Map.of() : options;
      parsed = ShapesetOptions.from(new DataSpec(ShapesetDataset.NAME, new TreeMap<>(written)));
    } catch (IllegalArgumentException unreadable) {
      return Optional.of(new OtherVersion(trialId, fingerprint, "unknown (options this build cannot read)"));
    }
    if (fingerprint.equals(ShapesetDataset.fingerprint(parsed, ShapesetGenerator.VERSION))) {
      return Optional.empty();
    }
    for (int version = ShapesetGenerator.VERSION - 1; version >= 1; version--) {
      if (fingerprint.equals(ShapesetDataset.fingerprint(parsed, version))) {
        return Optional.of(new OtherVersion(trialId, fingerprint, "v" + version));
      }
    }
    return Optional.of(new OtherVersion(
        trialId, fingerprint, "unknown (not v1 to v" + ShapesetGenerator.VERSION + "; a newer build?)"));
  }

  /**
   * A committed Shapeset trial whose data is not this build's.
   *
   * @param trialId the trial
   * @param fingerprint its {@code data_fingerprint}
   * @param version the generator version that made it, e.g. {@code v1}, or why it is unknown
   */
  record OtherVersion(String trialId, String fingerprint, String version) {}
}
