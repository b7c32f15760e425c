package org.glorotsweep.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.glorotsweep.core.data.shapeset.ShapesetDataset;
import org.glorotsweep.core.data.shapeset.ShapesetGenerator;
import org.glorotsweep.core.data.shapeset.ShapesetOptions;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.ConfigException;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.results.ColumnType;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose committed Shapeset trials were made by an earlier generator is not extended with trials of this
 * build's generator: the committed rows are rewritten to carry the fingerprint generator v1 gives their data
 * options, as a v1 build wrote them, and {@code run} then refuses before any trial runs, unless with
 * {@code --rerun}, which replaces them all.
 */
class ShapesetVersionGuardIT {
  private static final String SWEEP = """
      sweep: guarded
      seed: 3
      output: unused
      common:
        dataset: shapeset
        data_options: {validation_size: 100, test_size: 100}
        depth: 1
        width: 8
        activation: [tanh, softsign]
        init: normalized
        learning_rate: 0.01
        updates: 100
        precision: float32
        monitor: {examples: 20, jacobian_examples: 2}
      groups:
        - name: first
      """;
  private static final String EXTENDED = SWEEP + "  - name: later\n    width: 12\n    activation: tanh\n";

  @TempDir Path temp;

  @Test
  void aSweepOfAnEarlierGeneratorIsNotExtendedButCanBeRerun() throws Exception {
    Path output = temp.resolve("out");
    SweepConfig first = load("first.yaml", SWEEP, output);
    SweepConfig extended = load("extended.yaml", EXTENDED, output);
    String v1 = ShapesetDataset.fingerprint(
        ShapesetOptions.from(new DataSpec("shapeset", new TreeMap<>(Map.of("validation_size", "100",
            "test_size", "100")))), 1);
    try (SparkSession spark = session()) {
      assertEquals(new SweepDriver.Summary(2, 0, 0), driver(spark).run(first, SweepDriver.Rerun.NONE));
      rewriteFingerprints(spark, first, v1);

      ConfigException refused = assertThrows(ConfigException.class, () -> driver(spark).run(extended, SweepDriver.Rerun.NONE));
      String message = refused.getMessage();
      for (String expected : List.of(temp.resolve("extended.yaml") + ": sweep: sweep 'guarded'",
          "2 committed Shapeset trial(s) made by generator v1", "data_fingerprint " + v1,
          "this build's Shapeset generator is v" + ShapesetGenerator.VERSION, "--output", "--rerun")) {
        assertTrue(message.contains(expected), () -> "'" + expected + "' missing from: " + message);
      }
      assertEquals(2, committedFingerprints(spark, extended).size(), "a trial ran although the run was refused");

      // nothing to add: a resume of the complete old sweep is not refused, and runs nothing
      assertEquals(new SweepDriver.Summary(0, 2, 0), driver(spark).run(first, SweepDriver.Rerun.NONE));
    }

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("run", temp.resolve("extended.yaml").toString(), "--output", output.toString()),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("made by generator v1"), err::toString);

    try (SparkSession spark = session()) {
      assertEquals(new SweepDriver.Summary(3, 0, 0), driver(spark).run(extended, SweepDriver.Rerun.ALL));
      String current = ShapesetDataset.fingerprint(ShapesetOptions.from(extended.trials().get(0).spec().data()),
          ShapesetGenerator.VERSION);
      assertEquals(List.of(current, current, current), committedFingerprints(spark, extended));
    }
  }

  /** Rewrites every committed {@code trials} file of the sweep with {@code fingerprint} as its data fingerprint. */
  private static void rewriteFingerprints(SparkSession spark, SweepConfig sweep, String fingerprint)
      throws Exception {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    org.apache.hadoop.fs.Path directory =
        new OutputLayout(new org.apache.hadoop.fs.Path(sweep.output()), sweep.name()).tableDirectory(ResultTable.TRIALS);
    FileSystem fs = directory.getFileSystem(conf);
    StructField[] fields = ResultTable.TRIALS.sparkSchema().fields();
    StructType stored = DataTypes.createStructType(Arrays.copyOf(fields, fields.length - 1));
    int column = ResultTable.TRIALS.indexOf("data_fingerprint");
    for (FileStatus file : fs.listStatus(directory, path -> path.getName().endsWith(".parquet"))) {
      List<Object[]> rows = new ArrayList<>();
      for (Row row : spark.read().schema(stored).parquet(file.getPath().toString()).collectAsList()) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
          boolean intArray = ResultTable.TRIALS.columns().get(i).type() == ColumnType.INT_ARRAY;
          values[i] = intArray && !row.isNullAt(i)
              ? row.<Integer>getList(i).stream().mapToInt(Integer::intValue).toArray()
              : row.get(i);
        }
        values[column] = fingerprint;
        rows.add(values);
      }
      fs.delete(file.getPath(), false);
      ParquetRows.write(ResultTable.TRIALS, rows, file.getPath(), conf);
    }
  }

  private static List<String> committedFingerprints(SparkSession spark, SweepConfig sweep) throws Exception {
    return ResultViews.view(spark, sweep.output(), ResultTable.TRIALS).select("data_fingerprint")
        .collectAsList().stream().map(row -> row.getString(0)).toList();
  }

  private SweepConfig load(String name, String yaml, Path output) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, yaml);
    return SweepConfigLoader.load(file, HadoopDataShapes.of(new Configuration())).withOutput(output.toString());
  }

  private static SweepDriver driver(SparkSession spark) {
    return new SweepDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200);
  }

  private static SparkSession session() {
    return SparkSession.builder().master("local[2]").appName("ShapesetVersionGuardIT")
        .config("spark.ui.enabled", "false").getOrCreate();
  }
}
