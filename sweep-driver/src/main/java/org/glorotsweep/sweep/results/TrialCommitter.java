package org.glorotsweep.sweep.results;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.glorotsweep.sweep.faults.FaultInjector;

/**
 * Makes one trial's rows durable and visible exactly once, on any Hadoop file system.
 *
 * <p>Protocol. An attempt writes its four files into a staging directory of its own
 * ({@code OUTPUT/_run/sweep=S/staging/<trial>.<attempt tag>/}, outside the table directories), then publishes
 * each by renaming it to its deterministic final name {@code OUTPUT/<table>/sweep=S/<trial>.parquet}: curves,
 * layer statistics and histograms first, the {@code trials} row last. The {@code trials} file is the commit
 * record: the SQL views show a trial's other rows only when its {@code trials} row exists, so readers never see
 * a half-written trial.
 *
 * <p>Before a run launches any trial, its driver, holding the sweep's lease (so no other driver works on the
 * sweep), removes every staging directory and {@linkplain #retract retracts} every trial that has files but no
 * {@code trials} file: whatever a crashed run left, written by whatever code, is gone before anything is
 * published. During the run, then, a final name that already exists was published by another attempt of the
 * same trial in the same run (a retry or a speculative copy); it is kept and this attempt's file dropped.
 * Because a trial's curves and statistics are a function of its spec (bitwise, same kernel), which attempt wins
 * a table makes no difference, and each table holds exactly one file per trial.
 *
 * <p>A crash mid-publish leaves files without a {@code trials} row in the table directories: invisible to the
 * views, withdrawn by the next run before it trains anything. On the local file system files are written
 * without Hadoop's {@code .crc} checksum files, so a table directory holds nothing but Parquet files.
 */
public final class TrialCommitter {
  /** Publication order: the {@code trials} row, the commit record, goes last. */
  private static final List<ResultTable> PUBLISH_ORDER =
      List.of(ResultTable.CURVES, ResultTable.LAYER_STATS, ResultTable.HISTOGRAMS, ResultTable.TRIALS);

  private final OutputLayout layout;
  private final Configuration conf;

  /** A committer for sweep {@code sweep} under {@code output}. */
  public TrialCommitter(Path output, String sweep, Configuration conf) {
    this.layout = new OutputLayout(output, sweep);
    this.conf = OutputLayout.plainFiles(conf);
  }

  /**
   * Stages and publishes a trial's rows. A {@link FaultInjector} may fail the commit after its first publish.
   *
   * @param rows every table's rows for this trial. Not modified.
   * @param attemptTag unique per attempt (e.g. stage, task attempt id and a random UUID)
   */
  public void commit(String trialId, Map<ResultTable, List<Object[]>> rows, String attemptTag)
      throws IOException {
    FileSystem fs = layout.fileSystem(conf);
    Path staging = new Path(layout.stagingDirectory(), trialId + "." + attemptTag);
    try {
      for (ResultTable table : PUBLISH_ORDER) {
        ParquetRows.write(table, rows.get(table), new Path(staging, table.directory() + ".parquet"), conf);
      }
      for (ResultTable table : PUBLISH_ORDER) {
        publish(fs, new Path(staging, table.directory() + ".parquet"), layout.tableFile(table, trialId));
        if (table == PUBLISH_ORDER.get(0)) {
          FaultInjector.installed().afterFirstPublish(trialId);
        }
      }
    } finally {
      fs.delete(staging, true);
    }
  }

  /**
   * Withdraws a trial's files from every table, its {@code trials} row first, so a committed trial disappears
   * from every view at once and a crash halfway leaves only an uncommitted trial's leftovers. Used for
   * {@code --rerun}, for re-running failed or damaged trials, and to withdraw a crashed commit's leftovers.
   */
  public void retract(String trialId) throws IOException {
    FileSystem fs = layout.fileSystem(conf);
    for (int i = PUBLISH_ORDER.size() - 1; i >= 0; i--) {
      fs.delete(layout.tableFile(PUBLISH_ORDER.get(i), trialId), false);
    }
  }

  /** Removes the sweep's staging directory with whatever attempts left there. Only its driver may call this. */
  public void clearStaging() throws IOException {
    layout.fileSystem(conf).delete(layout.stagingDirectory(), true);
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
