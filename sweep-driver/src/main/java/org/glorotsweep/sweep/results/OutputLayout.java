package org.glorotsweep.sweep.results;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Where one sweep's files live under an output location:
 *
 * <pre>
 * OUTPUT/&lt;table&gt;/sweep=S/&lt;trial_id&gt;.parquet     a committed trial's rows (only these, after a run)
 * OUTPUT/_run/sweep=S/lease                      the running driver's lease (see SweepLease)
 * OUTPUT/_run/sweep=S/staging/&lt;trial&gt;.&lt;attempt&gt;/ an attempt's files until they are published
 * OUTPUT/_run/sweep=S/reproduce/&lt;run&gt;/         a reproduction run's re-runs, until its verdicts are committed
 * OUTPUT/reproductions/sweep=S/&lt;run&gt;.parquet   a reproduction run's verdicts (see HistoryTable)
 * OUTPUT/_checkpoints/sweep=S/&lt;trial&gt;.ckpt       a running trial's checkpoint, until its rows are committed
 * OUTPUT/_search/sweep=S/                        a search's rung results and decisions (see SearchLedger)
 * </pre>
 *
 * Everything that is not a result lives under {@code _run}, {@code _checkpoints} or {@code _search}, outside the table
 * directories, which Spark skips (a leading underscore) and a reader of the tables never globs. Checkpoints
 * are apart from {@code _run} because they outlive a run: the next run resumes from them.
 *
 * @param output the output location
 * @param sweep the sweep's name
 */
public record OutputLayout(Path output, String sweep) {
  /** The directory of run-time files (lease, staging) of every sweep. */
  public static final String RUN_DIRECTORY = "_run";

  /** The directory of the trial checkpoints of every sweep. */
  public static final String CHECKPOINT_DIRECTORY = "_checkpoints";

  /** The directory of the search records of every sweep. */
  public static final String SEARCH_DIRECTORY = "_search";

  /** The file name ending of a checkpoint. */
  public static final String CHECKPOINT_SUFFIX = ".ckpt";

  /** {@code OUTPUT/<table>/sweep=<sweep>}. */
  public Path tableDirectory(TableSchema table) {
    return new Path(new Path(output, table.directory()), partition());
  }

  /** The final file of {@code trialId} in {@code table}. */
  public Path tableFile(ResultTable table, String trialId) {
    return new Path(tableDirectory(table), trialId + ".parquet");
  }

  /** The final file of the run {@code runId} in {@code table}. */
  public Path historyFile(HistoryTable table, String runId) {
    return new Path(tableDirectory(table), runId + ".parquet");
  }

  /**
   * {@code OUTPUT/_run/sweep=<sweep>/reproduce}: the re-runs of reproduction runs, each under its run id laid
   * out as an output of its own, until their verdicts are committed.
   */
  public Path reproduceDirectory() {
    return new Path(runDirectory(), "reproduce");
  }

  /** {@code OUTPUT/_run/sweep=<sweep>}: this sweep's lease and staging. */
  public Path runDirectory() {
    return new Path(new Path(output, RUN_DIRECTORY), partition());
  }

  /** Where attempts stage their files before publishing them. */
  public Path stagingDirectory() {
    return new Path(runDirectory(), "staging");
  }

  /** {@code OUTPUT/_checkpoints/sweep=<sweep>}: this sweep's trial checkpoints. */
  public Path checkpointDirectory() {
    return new Path(new Path(output, CHECKPOINT_DIRECTORY), partition());
  }

  /** The checkpoint of {@code trialId}. */
  public Path checkpointFile(String trialId) {
    return new Path(checkpointDirectory(), trialId + CHECKPOINT_SUFFIX);
  }

  /** {@code OUTPUT/_search/sweep=<sweep>}: this sweep's search records, kept after the run as its race's record. */
  public Path searchDirectory() {
    return new Path(new Path(output, SEARCH_DIRECTORY), partition());
  }

  /** The lease of the driver running this sweep. */
  public Path leaseFile() {
    return new Path(runDirectory(), "lease");
  }

  /**
   * The output's file system as the commit protocol uses it: on the local file system, Hadoop's raw one, which
   * writes no {@code .crc} checksum file beside each file (those would land in the table directories, where
   * other engines' globs take them for Parquet) and lists every file as it is.
   */
  public FileSystem fileSystem(Configuration conf) throws IOException {
    return output.getFileSystem(plainFiles(conf));
  }

  /** A copy of {@code conf} whose {@code file:} scheme is Hadoop's raw local file system. Not modified. */
  public static Configuration plainFiles(Configuration conf) {
    Configuration plain = new Configuration(conf);
    plain.setClass("fs.file.impl", RawLocalFileSystem.class, FileSystem.class);
    plain.setBoolean("fs.file.impl.disable.cache", true);
    return plain;
  }

  /** The partition directory name, {@code sweep=<sweep>}. */
  private String partition() {
    return ResultTable.PARTITION_COLUMN + "=" + sweep;
  }
}
