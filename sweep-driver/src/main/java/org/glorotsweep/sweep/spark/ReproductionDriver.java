package org.glorotsweep.sweep.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.sweep.config.CheckpointPolicy;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.reproduce.Comparison;
import org.glorotsweep.sweep.reproduce.ReproductionSummary;
import org.glorotsweep.sweep.reproduce.Tolerances;
import org.glorotsweep.sweep.reproduce.TrialChoice;
import org.glorotsweep.sweep.results.Column;
import org.glorotsweep.sweep.results.HistoryTable;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;

/**
 * Runs committed trials of a sweep again on this build and environment and commits the verdicts
 * ({@link Comparison}) as one file of the {@code reproductions} table, without touching the committed rows.
 *
 * <p>Like {@code run}, it holds the sweep's {@link SweepLease} throughout (a {@code run --rerun} cannot retract
 * the rows it compares with) and starts one task per trial ({@link TrialTask}). The re-runs commit with the
 * same protocol, exactly once per trial under retries and speculation, to an output of their own under
 * {@code OUTPUT/_run/sweep=S/reproduce/<id>/} (with their checkpoints, so a lost executor's re-run resumes).
 * Each trial's spec is read back from its committed {@code spec_json}; it runs without a time limit. Once every
 * task has ended, Spark SQL compares the two sets of rows; the driver writes the verdicts to a staging file and
 * renames it to {@code OUTPUT/reproductions/sweep=S/<id>.parquet}, so the run's rows appear all at once, then
 * deletes the re-runs. What a crashed reproduction left under {@code _run} is deleted by the next one.
 */
public final class ReproductionDriver {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final PrintStream progress;
  private final long progressMillis;

  /** A driver on {@code spark} printing a progress line to {@code progress} every {@code progressMillis}. */
  public ReproductionDriver(SparkSession spark, PrintStream progress, long progressMillis) {
    this.spark = spark;
    this.progress = progress;
    this.progressMillis = progressMillis;
  }

  /**
   * Reproduces the trials {@code choice} picks of sweep {@code sweep} under {@code output}.
   *
   * @throws IllegalArgumentException when the choice names trials that are not reproducible, or there are none
   * @throws SweepLease.HeldException when another live driver runs this sweep on this output
   */
  public ReproductionSummary reproduce(String output, String sweep, TrialChoice choice, Tolerances tolerances)
      throws IOException, InterruptedException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    OutputLayout layout = new OutputLayout(new Path(output), sweep);
    Configuration conf = OutputLayout.plainFiles(jsc.hadoopConfiguration());
    FileSystem fs = layout.fileSystem(conf);
    Instant started = Instant.now();
    String id = ID_TIME.format(started) + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    Path rerunOutput = new Path(layout.reproduceDirectory(), id);
    try (SweepLease lease = SweepLease.acquire(fs, layout.leaseFile(), TrialJob.leaseTime(jsc))) {
      try {
        fs.delete(layout.reproduceDirectory(), true);
        List<Row> chosen = choice.select(ofSweep(output, ResultTable.TRIALS, sweep));
        if (chosen.isEmpty()) {
          throw new IllegalArgumentException("sweep " + sweep + " under " + output
              + " has no committed trial that ended " + String.join(" or ", TrialChoice.REPRODUCIBLE));
        }
        progress.printf("reproduce %s %s: %d trials -> %s%n", sweep, id, chosen.size(), rerunOutput);
        SweepContext context = new SweepContext(sweep, rerunOutput.toString(), null, CheckpointPolicy.DEFAULT,
            SweepDriver.maxAttempts(jsc), new SerializableConfiguration(jsc.hadoopConfiguration()));
        TrialJob.run(jsc, planned(chosen), context, lease, progress, progressMillis,
            jsc.sc().longAccumulator("reproduce busy nanoseconds"));
        List<Row> verdicts = compare(output, rerunOutput.toString(), sweep, chosen, tolerances, id);
        commit(verdicts, started, layout, id, new Path(rerunOutput, "reproductions.parquet"), fs, conf);
        return summary(sweep, id, verdicts);
      } finally {
        fs.delete(layout.reproduceDirectory(), true);
      }
    } finally {
      TrialJob.deleteIfEmpty(fs, layout.runDirectory());
      TrialJob.deleteIfEmpty(fs, layout.runDirectory().getParent());
    }
  }

  /** The trials of {@code rows} as the tasks run them, each spec read back from its {@code spec_json}. */
  private static List<PlannedTrial> planned(List<Row> rows) {
    List<PlannedTrial> trials = new ArrayList<>();
    for (Row row : rows) {
      String trialId = row.getAs("trial_id");
      String json = row.getAs("spec_json");
      TrialSpec spec;
      try {
        spec = TrialSpec.fromJson(json);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("trial " + trialId + ": its spec_json cannot be read: " + e.getMessage(),
            e);
      }
      if (!spec.toJson().equals(json)) {
        throw new IllegalArgumentException("trial " + trialId + ": its spec_json reads back as another text ("
            + spec.toJson() + "), so this build cannot run the same trial");
      }
      trials.add(new PlannedTrial(trialId, row.getAs("group_name"), row.<Integer>getAs("repeat"), spec,
          row.getAs("origin")));
    }
    return trials;
  }

  private List<Row> compare(String output, String rerunOutput, String sweep, List<Row> chosen,
      Tolerances tolerances, String id) throws IOException {
    List<String> ids = chosen.stream().map(row -> row.<String>getAs("trial_id")).toList();
    Dataset<Row> chosenIds = spark.createDataset(ids, Encoders.STRING()).toDF("trial_id");
    Map<ResultTable, Dataset<Row>> committed = new EnumMap<>(ResultTable.class);
    Map<ResultTable, Dataset<Row>> rerun = new EnumMap<>(ResultTable.class);
    for (ResultTable table : ResultTable.values()) {
      committed.put(table, ofSweep(output, table, sweep).join(chosenIds, "trial_id", "left_semi"));
      rerun.put(table, ofSweep(rerunOutput, table, sweep));
    }
    return Comparison.verdicts(spark, committed, rerun, tolerances, id).collectAsList();
  }

  private Dataset<Row> ofSweep(String output, ResultTable table, String sweep) throws IOException {
    return ResultViews.view(spark, output, table).where(col(ResultTable.PARTITION_COLUMN).equalTo(sweep));
  }

  /** Writes the verdicts to {@code staged}, then publishes it as the run's {@code reproductions} file. */
  private static void commit(List<Row> verdicts, Instant started, OutputLayout layout, String id, Path staged,
      FileSystem fs, Configuration conf) throws IOException {
    HistoryTable table = HistoryTable.REPRODUCTIONS;
    List<Object[]> rows = new ArrayList<>();
    for (Row verdict : verdicts) {
      List<Column> columns = table.columns();
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        String name = columns.get(i).name();
        values[i] = name.equals("started_at") ? started : verdict.getAs(name);
      }
      rows.add(values);
    }
    ParquetRows.write(table, rows, staged, conf);
    Path target = layout.historyFile(table, id);
    fs.mkdirs(target.getParent());
    if (!fs.rename(staged, target)) {
      throw new IOException("cannot publish " + staged + " as " + target);
    }
  }

  private static ReproductionSummary summary(String sweep, String id, List<Row> verdicts) {
    Map<String, Long> counts = new HashMap<>();
    List<String> ours = new ArrayList<>();
    for (Row row : verdicts) {
      counts.merge(row.<String>getAs("verdict"), 1L, Long::sum);
      if ("ours".equals(row.getAs("cause"))) {
        ours.add(row.getAs("trial_id"));
      }
    }
    return new ReproductionSummary(sweep, id, counts.getOrDefault("identical", 0L),
        counts.getOrDefault("within_tolerance", 0L), counts.getOrDefault("drifted", 0L),
        counts.getOrDefault("failed", 0L), ours.size(), ours);
  }
}
