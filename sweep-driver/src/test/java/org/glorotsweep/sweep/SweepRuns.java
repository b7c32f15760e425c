package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.glorotsweep.sweep.spark.SweepLease;

/**
 * Sweeps, sessions and drivers shared by the integration tests that run sweeps in-process, and what an output
 * must hold after a run.
 */
public final class SweepRuns {
  /** Four small trials: quick enough to run several sweeps in one test. */
  public static final String SMALL_SWEEP = """
      sweep: small
      seed: 7
      output: unused
      common:
        dataset: shapeset
        data_options: {validation_size: 200, test_size: 200}
        depth: 1
        width: 16
        activation: [tanh, softsign]
        init: [standard, normalized]
        learning_rate: 0.01
        updates: 300
        precision: float32
        monitor: {examples: 50, jacobian_examples: 2}
      groups:
        - name: all
      """;

  private SweepRuns() {}

  /** The sweep written in {@code text}, saved as {@code directory/name}, with its output at {@code output}. */
  public static SweepConfig sweep(Path directory, String name, String text, Path output) throws Exception {
    Path file = directory.resolve(name);
    Files.writeString(file, text);
    return load(file, output);
  }

  /** The sweep in {@code file} with its output at {@code output}. */
  public static SweepConfig load(Path file, Path output) throws Exception {
    return SweepConfigLoader.load(file, HadoopDataShapes.of(new Configuration())).withOutput(output.toString());
  }

  /** A silent driver reporting progress every 200 ms. */
  public static SweepDriver driver(SparkSession spark) {
    return new SweepDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200);
  }

  /** A local session without UI, with the extra Spark properties {@code conf}. */
  static SparkSession session(String master, Map<String, String> conf) {
    SparkSession.Builder builder = SparkSession.builder().master(master).appName("glorot-sweep IT")
        .config("spark.ui.enabled", "false");
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * Runs {@code run CONFIG --output OUTPUT} in a JVM of its own (see {@link #mainInAnotherJvm}) with
   * {@code injector} installed and a lease of {@code leaseSeconds}, its output going to {@code log}; returns its
   * exit status.
   */
  static int runInAnotherJvm(Path config, Path output, Class<? extends FaultInjector> injector, int leaseSeconds,
      Path log) throws Exception {
    return mainInAnotherJvm(Set.of(),
        List.of("-D" + FaultInjector.CLASS_PROPERTY + "=" + injector.getName(),
            "-D" + SweepLease.SECONDS_PROPERTY + "=" + leaseSeconds),
        List.of("run", config.toString(), "--output", output.toString()), log);
  }

  /**
   * Runs {@link Main} with {@code args} in a JVM of its own: this JVM's options and classpath less the options in
   * {@code dropped}, then {@code properties} (each {@code -Dkey=value}), local Spark on 2 cores without UI. Its
   * output goes to {@code log}; it must end within 5 minutes.
   *
   * @return its exit status
   */
  static int mainInAnotherJvm(Set<String> dropped, List<String> properties, List<String> args, Path log)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!dropped.contains(option)) {
        command.add(option);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "-Dspark.master=local[2]", "-Dspark.ui.enabled=false"));
    command.addAll(properties);
    command.add(Main.class.getName());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      fail("the driver did not end within 5 minutes\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  /**
   * Runs the sweep, retrying while a killed driver's lease of {@code leaseSeconds} has not lapsed yet (for up to
   * twice that).
   */
  static SweepDriver.Summary runOnceTheLeaseLapses(SparkSession spark, SweepConfig sweep, int leaseSeconds)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(2L * leaseSeconds).toNanos();
    while (true) {
      try {
        return driver(spark).run(sweep, Rerun.NONE);
      } catch (SweepLease.HeldException held) {
        if (System.nanoTime() > deadline) {
          throw held;
        }
        Thread.sleep(250);
      }
    }
  }

  /** Every committed {@code trials} row of the output, as text, by trial id. */
  static Map<String, String> committedRows(SparkSession spark, SweepConfig sweep) throws Exception {
    ResultViews.register(spark, sweep.output());
    Map<String, String> rows = new HashMap<>();
    for (Row row : spark.sql("SELECT * FROM trials").collectAsList()) {
      rows.put(row.getString(row.fieldIndex("trial_id")), row.toString());
    }
    return rows;
  }

  /**
   * Asserts that {@code output} holds nothing but the table directories, and that each of them holds exactly
   * one Parquet file per committed trial of {@code sweep} (those with a {@code trials} file) and nothing else:
   * no checksum files, no staging, no leftovers of uncommitted trials.
   *
   * @return the committed trials' ids
   */
  static Set<String> assertOnlyCommittedTrialFiles(Path output, String sweep) throws Exception {
    // the raw local file system: the checksummed one hides .crc files from its listings
    FileSystem local = FileSystem.getLocal(new Configuration()).getRawFileSystem();
    return assertOnlyCommittedTrialFiles(local, new org.apache.hadoop.fs.Path(output.toUri()), sweep);
  }

  /** {@link #assertOnlyCommittedTrialFiles(Path, String)} on any Hadoop file system (HDFS, local). */
  static Set<String> assertOnlyCommittedTrialFiles(FileSystem fs, org.apache.hadoop.fs.Path output, String sweep)
      throws IOException {
    Set<String> tables = new TreeSet<>();
    for (ResultTable table : ResultTable.values()) {
      tables.add(table.directory());
    }
    assertEquals(tables, namesIn(fs, output), "the entries of " + output);
    OutputLayout layout = new OutputLayout(output, sweep);
    Set<String> committed = new TreeSet<>();
    for (String name : namesIn(fs, layout.tableDirectory(ResultTable.TRIALS))) {
      committed.add(name.substring(0, name.length() - ".parquet".length()));
    }
    Set<String> expected = new TreeSet<>();
    committed.forEach(id -> expected.add(id + ".parquet"));
    for (ResultTable table : ResultTable.values()) {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(output, table.directory());
      assertEquals(Set.of(ResultTable.PARTITION_COLUMN + "=" + sweep), namesIn(fs, root), "the entries of " + root);
      org.apache.hadoop.fs.Path directory = layout.tableDirectory(table);
      assertEquals(expected, namesIn(fs, directory), "the files of " + directory);
    }
    return committed;
  }

  private static Set<String> namesIn(FileSystem fs, org.apache.hadoop.fs.Path directory) throws IOException {
    Set<String> names = new TreeSet<>();
    for (FileStatus entry : fs.listStatus(directory)) {
      names.add(entry.getPath().getName());
    }
    return names;
  }
}
