package org.glorotsweep.sweep.results;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Makes one trial's rows durable and visible exactly once, on any Hadoop file system.
 *
 * <p>Protocol. An attempt writes its four files into a staging directory of its own
 * ({@code OUTPUT/_staging/sweep=S/<trial>.<attempt tag>/}), then publishes each by renaming it to its
 * deterministic final name {@code OUTPUT/<table>/sweep=S/<trial>.parquet}: curves, layer statistics and
 * histograms first, the {@code trials} row last. The {@code trials} file is the commit record: the SQL views
 * show a trial's other rows only when its {@code trials} row exists, so readers never see a half-written
 * trial. A final name that already exists was published by another attempt of the same trial (a retry or a
 * speculative copy); it is kept and this attempt's file dropped. Because a trial's curves and statistics are a
 * function of its spec (bitwise, same kernel), which attempt wins a table makes no difference, and each table
 * holds exactly one file per trial. A crash mid-publish leaves files without a {@code trials} row: invisible,
 * and overwritten-in-kind when the trial runs again.
 */
public final class TrialCommitter {
  /** Publication order: the {@code trials} row, the commit record, goes last. */
  private static final List<ResultTable> PUBLISH_ORDER =
      List.of(ResultTable.CURVES, ResultTable.LAYER_STATS, ResultTable.HISTOGRAMS, ResultTable.TRIALS);

  private final Path output;
  private final String sweep;
  private final Configuration conf;

  /** A committer for sweep {@code sweep} under {@code output}. */
  public TrialCommitter(Path output, String sweep, Configuration conf) {
    this.output = output;
    this.sweep = sweep;
    this.conf = conf;
  }

  /** The final file of {@code trialId} in {@code table}. */
  public Path tableFile(ResultTable table, String trialId) {
    return new Path(tableDirectory(output, table, sweep), trialId + ".parquet");
  }

  /** {@code OUTPUT/<table>/sweep=<sweep>}. */
  public static Path tableDirectory(Path output, ResultTable table, String sweep) {
    return new Path(new Path(output, table.directory()), ResultTable.PARTITION_COLUMN + "=" + sweep);
  }

  /**
   * Stages and publishes a trial's rows.
   *
   * @param rows every table's rows for this trial
   * @param attemptTag unique per attempt (e.g. stage, task attempt id and a random UUID)
   * @param fault a test-only hook run after the first table is published, to simulate a crash mid-commit
   */
  public void commit(String trialId, Map<ResultTable, List<Object[]>> rows, String attemptTag, Runnable fault)
      throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    Path staging = new Path(new Path(new Path(output, "_staging"), ResultTable.PARTITION_COLUMN + "=" + sweep),
        trialId + "." + attemptTag);
    try {
      for (ResultTable table : PUBLISH_ORDER) {
        ParquetRows.write(table, rows.get(table), new Path(staging, table.directory() + ".parquet"), conf);
      }
      for (ResultTable table : PUBLISH_ORDER) {
        publish(fs, new Path(staging, table.directory() + ".parquet"), tableFile(table, trialId));
        if (table == PUBLISH_ORDER.get(0)) {
          fault.run();
        }
      }
    } finally {
      fs.delete(staging, true);
    }
  }

  /**
   * Withdraws a committed trial (for {@code --rerun}): its {@code trials} row first, so it disappears from
   * every view at once, then its other files.
   */
  public void retract(String trialId) throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    for (int i = PUBLISH_ORDER.size() - 1; i >= 0; i--) {
      fs.delete(tableFile(PUBLISH_ORDER.get(i), trialId), false);
    }
  }

  private static void publish(FileSystem fs, Path staged, Path target) throws IOException {
    if (fs.exists(target)) {
      return;
    }
    fs.mkdirs(target.getParent());
    if (!fs.rename(staged, target) && !fs.exists(target)) {
      throw new IOException("cannot publish " + staged + " as " + target);
    }
  }
}
