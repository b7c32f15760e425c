package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.sweep.TestFaults.LoseFirstAttemptsAtUpdate200;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.spark.CheckpointListing;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's claim that data and results may live on HDFS, checked on a real one: an in-process HDFS
 * (Hadoop's {@link MiniDFSCluster}: a NameNode and one DataNode in this JVM, on free ports, at the Hadoop version
 * Spark brings) holds an IDX data set and the output; a small sweep runs through the command line's {@code run}
 * with both on HDFS, and its tables are read back with the command line's {@code sql}. What must hold there:
 * every trial committed once, the data read from HDFS bit for bit, and the output holding nothing but one Parquet
 * file per committed trial in each table (no staging, no checksum files, no orphans, no duplicates). The same
 * sweep, checkpointing every 100 updates to HDFS, with every trial's first attempt lost before its checkpoint at
 * update 200, resumes each trial from its HDFS checkpoint at update 100 to the uninterrupted run's bits.
 */
class HdfsSweepIT {
  /** Four trials on the data set below: tanh and softsign, standard and normalized initialisation. */
  private static final String SWEEP = """
      sweep: hdfs
      seed: 20100513
      output: "%1$s/sweeps"
      timeout_seconds: 300
      common:
        dataset: idx
        data_options:
          path: "%1$s/data/bars"
          train_images: train-images-idx3-ubyte.gz
          train_labels: train-labels-idx1-ubyte
          validation_images: valid-images-idx3-ubyte
          validation_labels: valid-labels-idx1-ubyte
          test_images: test-images-idx3-ubyte
          test_labels: test-labels-idx1-ubyte
        depth: 2
        width: 32
        activation: [tanh, softsign]
        init: [standard, normalized]
        learning_rate: 0.05
        batch_size: 10
        updates: 1000
        precision: float32
        monitor: {examples: 100, jacobian_examples: 5}
      groups:
        - name: all
      """;

  /** The data set's splits: file name prefix and examples. */
  private record Split(String name, int examples) {}

  private static final List<Split> SPLITS =
      List.of(new Split("train", 400), new Split("valid", 100), new Split("test", 100));

  private static final int SIDE = 8;
  private static final int CLASSES = 4;

  @TempDir static Path temp;
  private static MiniDFSCluster cluster;
  private static String uiEnabled;
  /** The HDFS root, the sweep file (local) and what its uninterrupted {@code run} printed. */
  private static String root;
  private static Path config;
  private static String ran;

  @BeforeAll
  static void startHdfsAndRunTheSweep() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("hdfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).storagesPerDatanode(1).build();
    cluster.waitActive();
    // the commands' own sessions: no web UI, so no port beyond HDFS's free ones
    uiEnabled = System.setProperty("spark.ui.enabled", "false");
    FileSystem hdfs = cluster.getFileSystem();
    root = hdfs.getUri().toString();
    writeBars(temp.resolve("bars"), hdfs, new org.apache.hadoop.fs.Path(root + "/data/bars"));
    config = temp.resolve("hdfs.yaml");
    Files.writeString(config, SWEEP.formatted(root));
    ran = command("run", config.toString());
  }

  @AfterAll
  static void stopHdfs() {
    if (uiEnabled == null) {
      System.clearProperty("spark.ui.enabled");
    } else {
      System.setProperty("spark.ui.enabled", uiEnabled);
    }
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void sweepWithDataAndOutputOnHdfsCommitsEachTrialOnce() throws Exception {
    FileSystem hdfs = cluster.getFileSystem();
    Path local = temp.resolve("bars");
    String output = root + "/sweeps";
    assertTrue(ran.contains("4 trials run, 0 already committed, 0 failed"), ran);

    // the data came from HDFS: its fingerprint is that of the local files' bytes
    String fingerprint = DatasetCatalog.local().load(new DataSpec("idx", new TreeMap<>(Map.of(
        "path", local.toString(),
        "train_images", "train-images-idx3-ubyte.gz", "train_labels", "train-labels-idx1-ubyte",
        "validation_images", "valid-images-idx3-ubyte", "validation_labels", "valid-labels-idx1-ubyte",
        "test_images", "test-images-idx3-ubyte", "test_labels", "test-labels-idx1-ubyte")))).fingerprint();
    List<String> trials = csv(command("sql", output, "SELECT t.trial_id, t.status, t.updates_done,"
        + " t.data_fingerprint, t.final_test_error < 0.5,"
        + " (SELECT count(*) FROM curves c WHERE c.trial_id = t.trial_id) > 5,"
        + " (SELECT count(*) FROM layer_stats s WHERE s.trial_id = t.trial_id) > 0,"
        + " (SELECT count(*) FROM histograms h WHERE h.trial_id = t.trial_id) > 0"
        + " FROM trials t ORDER BY t.trial_id", "--format", "csv"));
    TreeSet<String> committed = new TreeSet<>();
    for (String row : trials) {
      String[] cells = row.split(",");
      committed.add(cells[0]);
      assertEquals(List.of("ok", "1000", fingerprint, "true", "true", "true", "true"),
          List.of(cells).subList(1, cells.length), row);
    }
    SweepConfig planned = SweepConfigLoader.load(config, HadoopDataShapes.of(hdfs.getConf()));
    assertEquals(new TreeSet<>(planned.trials().stream().map(PlannedTrial::trialId).toList()), committed);

    // one row per (trial, update, ...) in every table, and no row outside a committed trial
    assertEquals(List.of("4,4,0,0,0,0,0,0"), csv(command("sql", output, """
        SELECT (SELECT count(*) FROM trials), (SELECT count(DISTINCT trial_id) FROM trials),
          (SELECT count(*) FROM raw_curves) - (SELECT count(*) FROM curves),
          (SELECT count(*) FROM raw_layer_stats) - (SELECT count(*) FROM layer_stats),
          (SELECT count(*) FROM raw_histograms) - (SELECT count(*) FROM histograms),
          (SELECT count(*) FROM (SELECT 1 FROM curves GROUP BY trial_id, update HAVING count(*) > 1)),
          (SELECT count(*) FROM (SELECT 1 FROM layer_stats GROUP BY trial_id, update, layer, quantity
            HAVING count(*) > 1)),
          (SELECT count(*) FROM (SELECT 1 FROM histograms GROUP BY trial_id, update, layer, quantity
            HAVING count(*) > 1))""", "--format", "csv")));

    assertEquals(committed,
        SweepRuns.assertOnlyCommittedTrialFiles(hdfs, new org.apache.hadoop.fs.Path(output), "hdfs"));
  }

  /**
   * The sweep again, checkpointing every 100 updates to its output on HDFS, on local[2,3] (three attempts per
   * task) with every trial's first attempt lost just before its checkpoint at update 200: each retry resumes
   * from its HDFS checkpoint at update 100, every table equals the uninterrupted run's bit for bit, and the
   * output holds no checkpoint and nothing else beyond the committed trials' files.
   */
  @Test
  void trialsLostMidTrainingResumeFromTheirCheckpointsOnHdfs() throws Exception {
    FileSystem hdfs = cluster.getFileSystem();
    Path checkpointed = temp.resolve("hdfs-checkpointed.yaml");
    Files.writeString(checkpointed, SWEEP.formatted(root) + "checkpoint_every: {updates: 100}\n");
    String output = root + "/resumed";
    String resumedRun = withSystemProperties(
        Map.of("spark.master", "local[2,3]",
            FaultInjector.CLASS_PROPERTY, LoseFirstAttemptsAtUpdate200.class.getName()),
        () -> command("run", checkpointed.toString(), "--output", output));
    assertTrue(resumedRun.contains("4 trials run, 0 already committed, 0 failed"), resumedRun);
    assertEquals(List.of("1,100", "1,100", "1,100", "1,100"), csv(command("sql", output,
        "SELECT attempt, resumed_from_update FROM trials", "--format", "csv")));
    try (SparkSession reader = SparkSession.builder().master("local[1]").appName("HdfsSweepIT").getOrCreate()) {
      ResultRows.assertBitwiseEqual(
          ResultRows.of(reader, root + "/sweeps", ResultRows.EXECUTION_AND_RESUME),
          ResultRows.of(reader, output, ResultRows.EXECUTION_AND_RESUME), "uninterrupted against resumed");
    }
    assertEquals(List.of(), CheckpointListing.of(output, hdfs.getConf()));
    assertEquals(4, SweepRuns.assertOnlyCommittedTrialFiles(hdfs, new org.apache.hadoop.fs.Path(output), "hdfs")
        .size());
  }

  /** What {@code body} returns, run with the system properties {@code properties} set, then restored. */
  private static <T> T withSystemProperties(Map<String, String> properties, Callable<T> body) throws Exception {
    Map<String, String> before = new HashMap<>();
    properties.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
    try {
      return body.call();
    } finally {
      before.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
  }

  /**
   * Writes the "bars" data set: {@value #SIDE} x {@value #SIDE} grey images of {@value #CLASSES} classes, class k
   * a bright horizontal bar on rows 2k and 2k+1 over a dim noisy background (seeded), so that a small net learns
   * it in a few hundred updates. Each split goes to {@code local} and to {@code remote} (training images gzipped).
   */
  private static void writeBars(Path local, FileSystem fs, org.apache.hadoop.fs.Path remote) throws IOException {
    SplittableRandom random = new SplittableRandom(13);
    Files.createDirectories(local);
    for (Split split : SPLITS) {
      int count = split.examples();
      byte[] images = new byte[count * SIDE * SIDE];
      byte[] labels = new byte[count];
      for (int i = 0; i < count; i++) {
        int label = random.nextInt(CLASSES);
        labels[i] = (byte) label;
        for (int pixel = 0; pixel < SIDE * SIDE; pixel++) {
          boolean bar = pixel / SIDE / 2 == label;
          images[i * SIDE * SIDE + pixel] = (byte) (bar ? 180 + random.nextInt(76) : random.nextInt(100));
        }
      }
      boolean zipped = split.name().equals("train");
      byte[] imagesFile = idx(images, count, SIDE, SIDE);
      put(local, fs, remote, split.name() + "-images-idx3-ubyte" + (zipped ? ".gz" : ""),
          zipped ? gzip(imagesFile) : imagesFile);
      put(local, fs, remote, split.name() + "-labels-idx1-ubyte", idx(labels, count));
    }
  }

  /** An IDX file of unsigned bytes: magic 0 0 0x08 rank, each dimension as a big-endian int, the values. */
  private static byte[] idx(byte[] values, int... dimensions) {
    ByteBuffer file = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
    file.put(new byte[] {0, 0, 0x08, (byte) dimensions.length});
    for (int dimension : dimensions) {
      file.putInt(dimension);
    }
    return file.put(values).array();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(bytes);
    }
    return zipped.toByteArray();
  }

  private static void put(Path local, FileSystem fs, org.apache.hadoop.fs.Path remote, String name, byte[] bytes)
      throws IOException {
    Files.write(local.resolve(name), bytes);
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(remote, name), false)) {
      out.write(bytes);
    }
  }

  /** Runs a command of the application's command line; returns what it printed, failing on a non-zero exit. */
  private static String command(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, () -> String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The data lines of {@code sql --format csv} output (its header dropped). */
  private static List<String> csv(String printed) {
    List<String> lines = new ArrayList<>(printed.lines().toList());
    lines.remove(0);
    return lines;
  }
}
