package org.glorotsweep.sweep.spark;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One driver's exclusive right to run a sweep on an output: a small file ({@code OUTPUT/_run/sweep=S/lease})
 * naming the driver (host, process, a random id) and when the lease expires. The holder renews it every quarter
 * of its time to live; a second driver finds a live lease and is refused, naming the holder. A driver that dies
 * stops renewing, so its lease lapses after at most one time to live and the next driver takes it over.
 *
 * <p>Taking the lease creates the file only if it does not exist (exclusive on HDFS), then, after a short
 * pause, reads it back: of two drivers that race for it on a file system without exclusive creation, the one
 * whose write was overwritten sees the other's name and gives up. A holder that finds someone else's name at a
 * renewal (it stalled past its expiry and was taken over) reports the loss through {@link #verify()}.
 */
public final class SweepLease implements AutoCloseable {
  /** Spark property: the lease's time to live in seconds (default {@value #DEFAULT_SECONDS}). */
  public static final String SECONDS_PROPERTY = "spark.glorotsweep.leaseSeconds";
  /** Default time to live: long enough for a slow object store's writes, short enough to resume after a crash. */
  public static final int DEFAULT_SECONDS = 60;

  private final FileSystem fs;
  private final Path file;
  private final Duration timeToLive;
  private final String holder;
  private final ScheduledExecutorService renewals;
  private volatile String lost;

  private SweepLease(FileSystem fs, Path file, Duration timeToLive, String holder) {
    this.fs = fs;
    this.file = file;
    this.timeToLive = timeToLive;
    this.holder = holder;
    this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "glorot-sweep lease " + file);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Takes the lease at {@code file} for {@code timeToLive}, renewed until {@link #close()}.
   *
   * @throws HeldException when another driver holds a live lease
   */
  public static SweepLease acquire(FileSystem fs, Path file, Duration timeToLive) throws IOException {
    String holder = describeThisDriver();
    Optional<Holder> current = read(fs, file, timeToLive);
    if (current.isPresent()) {
      if (current.get().expires().isAfter(Instant.now())) {
        throw new HeldException(file, current.get());
      }
      fs.delete(file, false);
    }
    SweepLease lease = new SweepLease(fs, file, timeToLive, holder);
    try {
      lease.write(false);
    } catch (FileAlreadyExistsException raced) {
      throw new HeldException(file, read(fs, file, timeToLive).orElseThrow(() -> raced));
    }
    sleep(settlePause(timeToLive));
    Holder written = read(fs, file, timeToLive).orElseThrow(
        () -> new IOException("the lease " + file + " vanished right after this driver wrote it"));
    if (!written.name().equals(holder)) {
      throw new HeldException(file, written);
    }
    long renewMillis = Math.max(1, timeToLive.toMillis() / 4);
    lease.renewals.scheduleWithFixedDelay(lease::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    return lease;
  }

  /** Throws when the lease was lost to another driver since it was taken; the run must then stop. */
  public void verify() throws IOException {
    if (lost != null) {
      throw new IOException("this driver lost the lease " + file + " to another driver (" + lost
          + "): it stalled for longer than the lease's " + timeToLive.toSeconds() + " s time to live");
    }
  }

  /** Stops renewing and deletes the lease file if it is still this driver's. */
  @Override
  public void close() throws IOException {
    renewals.shutdownNow();
    try {
      renewals.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (lost == null) {
      fs.delete(file, false);
    }
  }

  private void renew() {
    try {
      Optional<Holder> current = read(fs, file, timeToLive);
      if (current.isPresent() && !current.get().name().equals(holder)) {
        lost = current.get().name();
        renewals.shutdown();
        return;
      }
      write(true);
    } catch (IOException e) {
      // a missed renewal is harmless while the lease has time left; the next one tries again
    }
  }

  private void write(boolean overwrite) throws IOException {
    Properties content = new Properties();
    content.setProperty("holder", holder);
    content.setProperty("expires", Instant.now().plus(timeToLive).toString());
    StringWriter text = new StringWriter();
    content.store(text, "glorot-sweep driver lease");
    try (OutputStream out = fs.create(file, overwrite)) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The lease's holder and expiry, or empty when there is no lease file. A file caught mid-write (empty or
   * partial) counts as held by an unknown driver until its modification time plus {@code timeToLive}.
   */
  private static Optional<Holder> read(FileSystem fs, Path file, Duration timeToLive) throws IOException {
    byte[] bytes;
    long modified;
    try (InputStream in = fs.open(file)) {
      modified = fs.getFileStatus(file).getModificationTime();
      bytes = in.readAllBytes();
    } catch (FileNotFoundException none) {
      return Optional.empty();
    }
    Properties content = new Properties();
    content.load(new ByteArrayInputStream(bytes));
    String name = content.getProperty("holder");
    String expires = content.getProperty("expires");
    if (name == null || expires == null) {
      return Optional.of(new Holder("an unknown driver (the lease file is being written)",
          Instant.ofEpochMilli(modified).plus(timeToLive)));
    }
    return Optional.of(new Holder(name, Instant.parse(expires)));
  }

  private static String describeThisDriver() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "driver " + ProcessHandle.current().pid() + "@" + host + " (" + UUID.randomUUID() + ")";
  }

  /** How long to wait before reading a new lease back: long enough for a racing writer's write to land. */
  private static Duration settlePause(Duration timeToLive) {
    return Duration.ofMillis(Math.min(500, timeToLive.toMillis() / 8));
  }

  private static void sleep(Duration pause) throws IOException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while taking the lease");
    }
  }

  /**
   * Who holds a lease, and until when unless renewed.
   *
   * @param name the holding driver: process id, host and a random id
   * @param expires when the lease lapses if its holder stops renewing it
   */
  record Holder(String name, Instant expires) {}

  /** Another driver holds a live lease on the sweep. */
  public static final class HeldException extends IOException {
    private static final long serialVersionUID = 1L;

    HeldException(Path file, Holder holder) {
      super("another driver is running this sweep on this output: " + holder.name() + " holds the lease "
          + file + " until " + holder.expires() + " and renews it while it runs. Wait for it to finish; if that"
          + " driver is dead, its lease lapses at that time and a new run may start then.");
    }
  }
}
