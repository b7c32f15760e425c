package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.glorotsweep.core.checkpoint.CheckpointFormat;
import org.glorotsweep.core.checkpoint.CheckpointStore;
import org.glorotsweep.core.checkpoint.InvalidCheckpointException;
import org.glorotsweep.core.checkpoint.TrialCheckpoint;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.results.OutputLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trial's checkpoint on the output's Hadoop file system: {@code OUTPUT/_checkpoints/sweep=S/<trial>.ckpt}.
 *
 * <p>A save writes a hidden temporary file next to it ({@code .<trial>.ckpt.<uuid>.tmp}) and renames it over
 * the checkpoint, so a reader sees the old checkpoint or the new one, never half of one; on a file system whose
 * rename does not replace (HDFS) the old checkpoint is deleted first, and a crash in that instant leaves no
 * checkpoint (the trial then restarts), never a broken one. Checkpoints carry their own SHA-256, so they are
 * written without Hadoop's {@code .crc} side files (through {@link OutputLayout#fileSystem}). A save that
 * fails is logged and training goes on. The checkpoint is deleted once the trial's rows are committed.
 */
final class HadoopCheckpointStore implements CheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(HadoopCheckpointStore.class);

  private final FileSystem fs;
  private final Path file;
  private final String trialId;
  private final Precision precision;

  private HadoopCheckpointStore(FileSystem fs, Path file, String trialId, Precision precision) {
    this.fs = fs;
    this.file = file;
    this.trialId = trialId;
    this.precision = precision;
  }

  /** The store of trial {@code trialId} of the sweep of {@code layout}, trained in {@code precision}. */
  static HadoopCheckpointStore of(OutputLayout layout, String trialId, Precision precision, Configuration conf)
      throws IOException {
    return new HadoopCheckpointStore(layout.fileSystem(conf), layout.checkpointFile(trialId), trialId, precision);
  }

  /** The trial id a checkpoint file belongs to, or empty for any other file. */
  static Optional<String> trialIdOf(Path checkpoint) {
    String name = checkpoint.getName();
    return name.endsWith(OutputLayout.CHECKPOINT_SUFFIX) && !name.startsWith(".")
        ? Optional.of(name.substring(0, name.length() - OutputLayout.CHECKPOINT_SUFFIX.length()))
        : Optional.empty();
  }

  @Override
  public Optional<InputStream> openLatest() throws IOException {
    return fs.exists(file) ? Optional.of(fs.open(file)) : Optional.empty();
  }

  @Override
  public void save(TrialCheckpoint checkpoint) {
    FaultInjector.installed().beforeCheckpoint(trialId, checkpoint.update());
    Path temporary = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = fs.create(temporary, true)) {
        CheckpointFormat.write(checkpoint, precision, out);
      }
      if (!fs.rename(temporary, file)) {
        fs.delete(file, false);
        if (!fs.rename(temporary, file)) {
          throw new IOException("cannot rename " + temporary + " to " + file);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("trial {}: cannot save its checkpoint at update {} to {}; training goes on: {}", trialId,
          checkpoint.update(), file, e.toString());
      deleteQuietly(temporary);
    }
  }

  @Override
  public void rejected(InvalidCheckpointException reason) {
    LOG.warn("trial {}: ignoring checkpoint {} and starting at update 0: {}", trialId, file, reason.getMessage());
  }

  /**
   * Deletes the checkpoint and any temporary file a failed save left, once the trial's rows are committed. A
   * failure is logged, not thrown: the rows are safe, and a checkpoint left behind is only listed by {@code
   * status} (a {@code --rerun} of the trial would resume from it to the same bits).
   */
  void delete() {
    deleteQuietly(file);
    try {
      FileStatus[] leftovers = fs.globStatus(new Path(file.getParent(), "." + file.getName() + ".*.tmp"));
      if (leftovers != null) {
        for (FileStatus leftover : leftovers) {
          deleteQuietly(leftover.getPath());
        }
      }
    } catch (IOException e) {
      LOG.warn("trial {}: cannot list the temporary files of {}: {}", trialId, file, e.toString());
    }
  }

  private void deleteQuietly(Path path) {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("trial {}: cannot delete {}: {}", trialId, path, e.toString());
    }
  }
}
