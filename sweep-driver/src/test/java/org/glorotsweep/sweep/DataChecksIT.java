package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver;
import org.glorotsweep.sweep.testing.MnistFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken data files and unusable output locations on a real local Spark: {@code run} refuses them before any
 * trial runs, and a file that breaks after the checks fails its trials at the first attempt, never retried.
 */
class DataChecksIT {
  private static final String CONFIG = """
      sweep: files
      seed: 1
      output: OUTPUT
      common:
        dataset: mnist
        data_options: {path: 'DATA', validation_size: 5}
        depth: 1
        width: 8
        activation: [tanh, softsign]
        init: normalized
        learning_rate: 0.1
        updates: 10
      groups:
        - name: g
      """;

  @TempDir Path temp;
  private Path data;
  private Path output;
  private Path config;

  @BeforeEach
  void writeDataAndConfig() throws IOException {
    data = Files.createDirectory(temp.resolve("mnist"));
    MnistFiles.write(data, 20, 10);
    output = temp.resolve("out");
    config = Files.writeString(
        temp.resolve("sweep.yaml"), CONFIG.replace("OUTPUT", output.toString()).replace("DATA", data.toString()));
  }

  @Test
  void aFileBrokenAfterTheChecksFailsItsTrialsAtTheFirstAttempt() throws Exception {
    SweepConfig sweep = SweepConfigLoader.load(config, HadoopDataShapes.of(new Configuration()));
    MnistFiles.truncate(data.resolve(MnistFiles.TRAIN_IMAGES), 100);
    try (SparkSession spark = SparkSession.builder().master("local[2,3]").appName("DataChecksIT")
        .config("spark.ui.enabled", "false").getOrCreate()) {
      SweepDriver driver = new SweepDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200);
      assertEquals(new SweepDriver.Summary(2, 0, 2), driver.run(sweep, SweepDriver.Rerun.NONE));
      ResultViews.register(spark, sweep.output());
      List<Row> trials = spark.sql("SELECT status, attempt, error_message FROM trials").collectAsList();
      assertEquals(2, trials.size());
      for (Row row : trials) {
        assertEquals("failed", row.getString(0));
        assertEquals(0, row.getInt(1), () -> "a broken data file is not retried: " + row);
        assertTrue(row.getString(2).contains(data.resolve(MnistFiles.TRAIN_IMAGES) + ": truncated"), row::toString);
      }
    }
  }

  @Test
  void runRefusesABrokenFileBeforeAnyTrialAndWritesNothing() throws Exception {
    MnistFiles.truncate(data.resolve(MnistFiles.TRAIN_IMAGES), 100);
    String err = runExpectingRefusal(List.of("run", config.toString()));
    assertTrue(err.startsWith(config + ": common.data_options.path: '" + data + "' (data set 'mnist'): "), err);
    assertTrue(err.contains("truncated: the header declares 20x28x28 unsigned bytes"), err);
  }

  @Test
  void runRefusesAnOutputUnderAFileBeforeAnyTrial() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
    String err = runExpectingRefusal(List.of("run", config.toString(), "--output", file + "/sweeps"));
    assertTrue(err.startsWith("command line: --output: '" + file + "/sweeps' cannot hold the results: file:" + file
        + " is a file, so no directory can be made under it"), err);
  }

  /** Runs {@code args}, expecting exit code 2, a one-line message and nothing written; returns the message. */
  private String runExpectingRefusal(List<String> args) throws Exception {
    List<Path> before = listing();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, message);
    assertEquals(1, message.lines().count(), () -> "one line, no stack trace: " + message);
    assertEquals(before, listing(), "nothing written");
    assertFalse(Files.exists(output));
    return message;
  }

  private List<Path> listing() throws IOException {
    List<Path> paths = new ArrayList<>();
    try (var files = Files.walk(temp)) {
      files.sorted().forEach(paths::add);
    }
    return paths;
  }
}
