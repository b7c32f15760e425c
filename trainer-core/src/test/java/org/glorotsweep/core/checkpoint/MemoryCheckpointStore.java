package org.glorotsweep.core.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glorotsweep.core.choice.Precision;

/**
 * A checkpoint store in memory for tests: every save is serialized, so a resume from it goes through the
 * binary format; it can be primed with any bytes as its latest checkpoint.
 */
final class MemoryCheckpointStore implements CheckpointStore {
  private final Precision precision;
  private final List<byte[]> saved = new ArrayList<>();
  private final List<Long> savedUpdates = new ArrayList<>();
  private final List<InvalidCheckpointException> rejections = new ArrayList<>();
  private byte[] latest;

  MemoryCheckpointStore(Precision precision) {
    this.precision = precision;
  }

  /** A store whose latest checkpoint is {@code bytes}. */
  static MemoryCheckpointStore holding(Precision precision, byte[] bytes) {
    MemoryCheckpointStore store = new MemoryCheckpointStore(precision);
    store.latest = bytes.clone();
    return store;
  }

  @Override
  public Optional<InputStream> openLatest() {
    return Optional.ofNullable(latest).map(ByteArrayInputStream::new);
  }

  @Override
  public void save(TrialCheckpoint checkpoint) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CheckpointFormat.write(checkpoint, precision, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    latest = out.toByteArray();
    saved.add(latest);
    savedUpdates.add(checkpoint.update());
  }

  @Override
  public void rejected(InvalidCheckpointException reason) {
    rejections.add(reason);
  }

  /** The bytes of every checkpoint saved, in order. */
  List<byte[]> saved() {
    return saved;
  }

  /** The update of every checkpoint saved, in order. */
  List<Long> savedUpdates() {
    return savedUpdates;
  }

  /** The reasons given for not resuming. */
  List<InvalidCheckpointException> rejections() {
    return rejections;
  }
}
