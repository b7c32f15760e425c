package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.glorotsweep.core.checkpoint.CheckpointFormat;
import org.glorotsweep.core.checkpoint.InvalidCheckpointException;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ResultTable;

/**
 * The trials of an output that are in progress, as their checkpoints show: a checkpoint exists from a trial's
 * first save until its rows are committed (see {@link HadoopCheckpointStore}).
 */
public final class CheckpointListing {
  private CheckpointListing() {}

  /**
   * One trial's latest checkpoint.
   *
   * @param sweep the sweep
   * @param trialId the trial
   * @param update the update it was taken at, read from its header; empty when the header is unreadable
   * @param savedAt when it was written (the file's modification time)
   */
  public record InProgress(String sweep, String trialId, OptionalLong update, Instant savedAt) {}

  /** Every checkpoint under {@code output}, by sweep and trial id. */
  public static List<InProgress> of(String output, Configuration conf) throws IOException {
    OutputLayout everySweep = new OutputLayout(new Path(output), "*");
    FileSystem fs = everySweep.fileSystem(conf);
    FileStatus[] files = fs.globStatus(new Path(everySweep.checkpointDirectory(), "*"));
    List<InProgress> found = new ArrayList<>();
    if (files == null) {
      return found;
    }
    String prefix = ResultTable.PARTITION_COLUMN + "=";
    for (FileStatus file : files) {
      String directory = file.getPath().getParent().getName();
      if (!file.isFile() || !directory.startsWith(prefix)) {
        continue;
      }
      HadoopCheckpointStore.trialIdOf(file.getPath()).ifPresent(trialId ->
          found.add(new InProgress(directory.substring(prefix.length()), trialId, update(fs, file.getPath()),
              Instant.ofEpochMilli(file.getModificationTime()))));
    }
    found.sort(Comparator.comparing(InProgress::sweep).thenComparing(InProgress::trialId));
    return found;
  }

  private static OptionalLong update(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return OptionalLong.of(CheckpointFormat.peekUpdate(in));
    } catch (IOException | InvalidCheckpointException e) {
      return OptionalLong.empty();
    }
  }
}
