package org.glorotsweep.sweep;

import static org.glorotsweep.sweep.SweepRuns.SMALL_SWEEP;
import static org.glorotsweep.sweep.SweepRuns.assertOnlyCommittedTrialFiles;
import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.runInAnotherJvm;
import static org.glorotsweep.sweep.SweepRuns.runOnceTheLeaseLapses;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.TestFaults.HaltMidCommit;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.glorotsweep.sweep.spark.SweepLease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's life on its output across crashes, damage and competing drivers: a driver killed mid-commit leaves
 * staging, a live lease and a published file of an uncommitted trial, and the next run adopts none of it; a
 * truncated file is named by {@code status} and its trial run again; a second driver is refused while the
 * first runs.
 */
class RunLifecycleIT {
  /**
   * The lease time of the driver this test kills: short, so the test waits little for it to lapse, yet long
   * enough to find it live right after the kill on a loaded machine.
   */
  private static final int KILLED_DRIVER_LEASE_SECONDS = 30;

  @TempDir Path temp;

  @Test
  void aDriverKilledMidCommitLeavesNothingTheNextRunAdopts() throws Exception {
    Path output = temp.resolve("out");
    SweepConfig sweep = sweep(temp, "small.yaml", SMALL_SWEEP, output);
    OutputLayout layout = new OutputLayout(new org.apache.hadoop.fs.Path(output.toUri()), sweep.name());
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(TestFaults.HALTED, runInAnotherJvm(temp.resolve("small.yaml"), output, HaltMidCommit.class,
          KILLED_DRIVER_LEASE_SECONDS, temp.resolve("driver.log")));
      // while the dead driver's lease lasts, a new run is refused and touches nothing
      SweepLease.HeldException refused =
          assertThrows(SweepLease.HeldException.class, () -> driver(spark).run(sweep, Rerun.NONE));
      assertTrue(refused.getMessage().contains("another driver is running this sweep"), refused::getMessage);

      // what the kill left: a curves file without its trials file, attempts' staging, the dead driver's lease
      Path curves = local(layout.tableDirectory(ResultTable.CURVES));
      List<Path> leftovers = files(curves);
      assertFalse(leftovers.isEmpty(), "the killed driver published no curves");
      assertFalse(Files.exists(local(layout.tableDirectory(ResultTable.TRIALS))), "a trial was committed");
      assertFalse(files(local(layout.stagingDirectory())).isEmpty(), "the killed commit left no staging");
      assertTrue(Files.exists(local(layout.leaseFile())), "the killed driver left no lease");
      // a different version of the code would have written other rows: make the leftovers differ from ours,
      // and add the checksum file an older version wrote beside each file
      for (Path leftover : leftovers) {
        String trialId = leftover.getFileName().toString().replace(".parquet", "");
        Files.delete(leftover);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {trialId, 999L, 0.25, 0.25, 0.25, 0.25, 0.25});
        ParquetRows.write(ResultTable.CURVES, rows, new org.apache.hadoop.fs.Path(leftover.toUri()),
            new Configuration());
        Files.writeString(curves.resolve("." + leftover.getFileName() + ".crc"), "old checksum");
      }

      // once the dead driver's lease lapses, a run takes over
      SweepDriver.Summary summary = runOnceTheLeaseLapses(spark, sweep, KILLED_DRIVER_LEASE_SECONDS);
      assertEquals(new SweepDriver.Summary(4, 0, 0), summary);

      ResultViews.register(spark, sweep.output());
      assertEquals(0L, spark.sql("SELECT count(*) FROM raw_curves WHERE update = 999").first().getLong(0),
          "the crashed run's curves were adopted");
      assertEquals(spark.sql("SELECT count(*) FROM raw_curves").first().getLong(0),
          spark.sql("SELECT count(*) FROM curves").first().getLong(0));
      assertEquals(4L, spark.sql("SELECT count(DISTINCT trial_id) FROM curves").first().getLong(0));
      assertEquals(4, assertOnlyCommittedTrialFiles(output, sweep.name()).size());
    }
  }

  @Test
  void aTruncatedFileIsNamedByStatusAndItsTrialRunsAgain() throws Exception {
    Path output = temp.resolve("out");
    SweepConfig sweep = sweep(temp, "small.yaml", SMALL_SWEEP, output);
    OutputLayout layout = new OutputLayout(new org.apache.hadoop.fs.Path(output.toUri()), sweep.name());
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(4, 0, 0), driver(spark).run(sweep, Rerun.NONE));
    }
    List<String> ids = new ArrayList<>(new TreeSet<>(sweep.trials().stream().map(t -> t.trialId()).toList()));
    String damagedCurves = ids.get(0);
    String uncommitted = ids.get(1);
    String damagedRecord = ids.get(2);
    truncate(local(layout.tableFile(ResultTable.CURVES, damagedCurves)));
    truncate(local(layout.tableFile(ResultTable.TRIALS, damagedRecord)));
    Files.delete(local(layout.tableFile(ResultTable.TRIALS, uncommitted)));
    truncate(local(layout.tableFile(ResultTable.LAYER_STATS, uncommitted)));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("status", output.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String status = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, () -> status + err.toString(StandardCharsets.UTF_8));
    assertTrue(lineWith(status, damagedCurves).contains("curves"), status);
    assertTrue(lineWith(status, damagedCurves).contains("curves/sweep=small/" + damagedCurves + ".parquet"), status);
    assertTrue(lineWith(status, damagedRecord).contains("trials/sweep=small/" + damagedRecord + ".parquet"), status);
    assertFalse(status.contains(uncommitted), () -> "an uncommitted trial is no damaged committed one\n" + status);

    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(new SweepDriver.Summary(3, 1, 0), driver(spark).run(sweep, Rerun.NONE));
      ResultViews.register(spark, sweep.output());
      assertEquals(4L, spark.sql("SELECT count(*) FROM trials WHERE status = 'ok'").first().getLong(0));
      assertEquals(0L, spark.sql("SELECT t.trial_id FROM trials t LEFT ANTI JOIN"
          + " (SELECT DISTINCT trial_id FROM curves) c ON t.trial_id = c.trial_id").count());
      assertEquals(4, assertOnlyCommittedTrialFiles(output, sweep.name()).size());
    }
  }

  @Test
  void aSecondDriverIsRefusedWhileTheFirstRuns() throws Exception {
    Path output = temp.resolve("out");
    SweepConfig sweep = sweep(temp, "small.yaml", SMALL_SWEEP, output);
    OutputLayout layout = new OutputLayout(new org.apache.hadoop.fs.Path(output.toUri()), sweep.name());
    Path lease = local(layout.leaseFile());
    try (SparkSession spark = session("local[2]", Map.of())) {
      CompletableFuture<SweepDriver.Summary> first = CompletableFuture.supplyAsync(() -> {
        try {
          return driver(spark).run(sweep, Rerun.NONE);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!Files.exists(lease) && !first.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      SweepLease.HeldException refused =
          assertThrows(SweepLease.HeldException.class, () -> driver(spark).run(sweep, Rerun.NONE));
      assertTrue(refused.getMessage().contains(lease.getFileName().toString()), refused::getMessage);
      assertEquals(new SweepDriver.Summary(4, 0, 0), first.get(5, TimeUnit.MINUTES));
      // the first driver released its lease at its end: the next run starts at once and finds all done
      assertEquals(new SweepDriver.Summary(0, 4, 0), driver(spark).run(sweep, Rerun.NONE));
      ResultViews.register(spark, sweep.output());
      assertEquals(4L, spark.sql("SELECT count(*) FROM trials").first().getLong(0));
    }
    // the command line says so and exits with 4
    org.apache.hadoop.fs.FileSystem fs = layout.fileSystem(new Configuration());
    try (SweepLease held = SweepLease.acquire(fs, layout.leaseFile(), Duration.ofMinutes(1))) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.run(List.of("run", temp.resolve("small.yaml").toString(), "--output", output.toString()),
          new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(4, code);
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("another driver is running this sweep"),
          err::toString);
    }
  }

  private static Path local(org.apache.hadoop.fs.Path path) {
    return Path.of(path.toUri());
  }

  private static List<Path> files(Path directory) throws Exception {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.walk(directory)) {
      return entries.filter(Files::isRegularFile).toList();
    }
  }

  /** Cuts {@code file} to half its length, as a full disk or a copy cut short would. */
  private static void truncate(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static String lineWith(String text, String part) {
    return text.lines().filter(line -> line.contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no line names " + part + " in\n" + text));
  }
}
