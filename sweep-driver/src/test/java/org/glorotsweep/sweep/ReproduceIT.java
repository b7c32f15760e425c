package org.glorotsweep.sweep;

import static org.glorotsweep.sweep.SweepRuns.SMALL_SWEEP;
import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.sweep.TestFaults.FailFirstAttempts;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.reproduce.ReproductionSummary;
import org.glorotsweep.sweep.reproduce.Tolerances;
import org.glorotsweep.sweep.reproduce.TrialChoice;
import org.glorotsweep.sweep.results.HistoryTable;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.spark.ReproductionDriver;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.glorotsweep.sweep.testing.MnistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce} on local Spark: an unchanged sweep is reproduced identical and its committed files stay as
 * they were; a planted change of each kind is detected and named (a committed row tampered with: drift flagged
 * as ours; the EJML kernel forced: kernel; a data file changed: data); the exit codes; the sample of N; and one
 * {@code reproductions} file with one row per trial when every re-run's first attempt fails mid-commit.
 */
class ReproduceIT {
  /** Two trials on a small MNIST-format directory, for the changed-data test. */
  private static final String FILES_SWEEP = """
      sweep: files
      seed: 3
      output: unused
      common:
        dataset: mnist
        data_options: {path: 'DATA', validation_size: 5}
        depth: 1
        width: 8
        activation: [tanh, softsign]
        init: normalized
        learning_rate: 0.1
        updates: 40
      groups:
        - name: g
      """;

  @TempDir Path temp;

  @Test
  void anUnchangedSweepIsIdenticalItsRowsUntouchedAndStatusShowsIt() throws Exception {
    Path output = runSmallSweep();
    Map<Path, byte[]> before = tableFiles(output);

    Finished all = main("reproduce", output.toString());
    assertEquals(0, all.code(), all.out());
    assertTrue(lastLine(all.out()).matches(
        "reproduce small \\d{8}T\\d{6}Z-[0-9a-f]{8}: 4 trials, 4 identical, 0 within_tolerance, 0 drifted,"
            + " 0 failed; exit 0"), all.out());
    Finished sample = main("reproduce", output.toString(), "--trials", "2", "--tolerance", "error=0");
    assertEquals(0, sample.code(), sample.out());

    try (SparkSession spark = session("local[1]", Map.of())) {
      ResultViews.register(spark, output.toString());
      List<Row> runs = spark.sql("SELECT reproduction_id, count(*), count_if(verdict = 'identical'),"
          + " count_if(cause IS NULL AND changed = '' AND weights_identical AND differing_values = 0"
          + " AND compared_values > 100 AND worst_table IS NULL), min(tolerances)"
          + " FROM reproductions WHERE sweep = 'small' GROUP BY reproduction_id ORDER BY reproduction_id")
          .collectAsList();
      assertEquals(2, runs.size(), runs::toString);
      assertEquals(List.of(4L, 4L, 4L), List.of(runs.get(0).getLong(1), runs.get(0).getLong(2), runs.get(0).getLong(3)));
      assertEquals(List.of(2L, 2L, 2L), List.of(runs.get(1).getLong(1), runs.get(1).getLong(2), runs.get(1).getLong(3)));
      assertEquals("error=0.0 nll=0.01 stats=0.01 floor=1.0E-6 histogram=0.01", runs.get(1).getString(4));
      // the sample of 2: the trials whose SHA-256 of "glorot-sweep reproduce <id>" is smallest
      List<String> ids = spark.sql("SELECT trial_id FROM trials").as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList();
      List<String> sampled = spark.sql("SELECT trial_id FROM reproductions WHERE reproduction_id = '"
          + runs.get(1).getString(0) + "' ORDER BY trial_id").as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList();
      assertEquals(smallestTwoByHash(ids), sampled);
    }
    assertEquals(before.keySet(), tableFiles(output).keySet(), "the committed files");
    before.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, tableFiles(output).get(file)),
        () -> file + " changed"));
    assertFalse(Files.exists(output.resolve(OutputLayout.RUN_DIRECTORY)), "reproduce left its run directory");
    assertEquals(2, filesIn(output.resolve("reproductions/sweep=small")).size());

    Finished status = main("status", output.toString());
    assertEquals(0, status.code(), status.out());
    assertTrue(status.out().contains(runs(output).get(1)), status.out());
  }

  @Test
  void aTamperedRowIsDriftFlaggedAsOursAndExitsOne() throws Exception {
    Path output = runSmallSweep();
    // multiply the test NLL of one trial's last curve point by 1.5, as an edit of the committed file would
    Path curves = filesIn(output.resolve("curves/sweep=small")).get(0);
    String trialId = curves.getFileName().toString().replace(".parquet", "");
    long lastUpdate;
    try (SparkSession spark = session("local[1]", Map.of())) {
      List<Row> rows = spark.read().schema(ResultTable.CURVES.sparkSchema())
          .option("basePath", output.resolve("curves").toString()).parquet(curves.toString())
          .orderBy("update").collectAsList();
      List<Object[]> tampered = new ArrayList<>();
      for (Row row : rows) {
        Object[] values = new Object[ResultTable.CURVES.columns().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.get(i);
        }
        tampered.add(values);
      }
      Object[] last = tampered.get(tampered.size() - 1);
      int nll = ResultTable.CURVES.indexOf("test_nll");
      last[nll] = (Double) last[nll] * 1.5;
      lastUpdate = (Long) last[ResultTable.CURVES.indexOf("update")];
      Files.delete(curves);
      ParquetRows.write(ResultTable.CURVES, tampered, new org.apache.hadoop.fs.Path(curves.toUri()),
          OutputLayout.plainFiles(new Configuration()));
    }

    Finished tamperedRun = main("reproduce", output.toString(), "--trials", trialId);
    assertEquals(1, tamperedRun.code(), tamperedRun.out());
    assertTrue(tamperedRun.out().contains("DEFECT: 1 trials of sweep small are not identical"), tamperedRun.out());
    assertTrue(lastLine(tamperedRun.out()).endsWith(": 1 trials, 0 identical, 0 within_tolerance, 1 drifted,"
        + " 0 failed, 1 not reproducible under unchanged provenance (a glorot-sweep defect); exit 1"),
        tamperedRun.out());
    Row verdict = onlyVerdict(output);
    assertEquals("drifted", verdict.getAs("verdict"));
    assertEquals("ours", verdict.getAs("cause"));
    assertEquals("", verdict.getAs("changed"));
    assertEquals(true, verdict.getAs("weights_identical"));
    assertEquals(List.of("curves", "test_nll", lastUpdate, 1L, 1L),
        List.of(verdict.getAs("worst_table"), verdict.getAs("worst_column"), verdict.getAs("worst_update"),
            verdict.getAs("differing_values"), verdict.getAs("beyond_tolerance")));
    double committed = verdict.getAs("worst_committed");
    double rerun = verdict.getAs("worst_rerun");
    assertEquals(committed / 1.5, rerun, 1e-12 * rerun);
    assertEquals((committed - rerun) / committed, (double) verdict.getAs("worst_difference"), 1e-12);
    assertTrue(verdict.<String>getAs("largest_differences").startsWith(
        "curves.test_nll update " + lastUpdate + ": "), verdict::toString);

    // the report's reproducibility section: the run's counts, and the drifted trial with its worst difference
    Path report = temp.resolve("report");
    Finished reported = main("report", output.toString(), "--out", report.toString());
    assertEquals(0, reported.code(), reported.out() + reported.err());
    List<String> runs = Files.readAllLines(report.resolve("reproductions.csv"));
    assertEquals(2, runs.size(), runs::toString);
    assertEquals("reproduction_id,started_at,trials,identical,within_tolerance,drifted,failed,ours,changed",
        runs.get(0));
    assertTrue(runs.get(1).endsWith(",1,0,0,1,0,1,"), runs::toString);
    List<String> drifted = Files.readAllLines(report.resolve("reproduction_differences.csv"));
    assertEquals(2, drifted.size(), drifted::toString);
    assertTrue(drifted.get(1).contains("," + trialId + ",drifted,ours,,curves,test_nll," + lastUpdate + ","),
        drifted::toString);
  }

  @Test
  void reproductionsAreCommittedOnceWhenEveryFirstAttemptFailsMidCommit() throws Exception {
    Path output = runSmallSweep();
    try (SparkSession spark = session("local[2,3]", TestFaults.property(FailFirstAttempts.class))) {
      ReproductionSummary summary = new ReproductionDriver(spark, new PrintStream(new ByteArrayOutputStream()), 200)
          .reproduce(output.toString(), "small", TrialChoice.ALL, Tolerances.DEFAULT);
      assertEquals(4, summary.identical(), summary::line);
      assertEquals(4, summary.trials(), summary::line);
      ResultViews.register(spark, output.toString());
      List<Row> rows = spark.sql("SELECT count(*), count(DISTINCT trial_id), count(DISTINCT reproduction_id)"
          + " FROM reproductions").collectAsList();
      assertEquals(List.of(4L, 4L, 1L), List.of(rows.get(0).getLong(0), rows.get(0).getLong(1), rows.get(0).getLong(2)));
    }
    assertEquals(1, filesIn(output.resolve("reproductions/sweep=small")).size());
    assertFalse(Files.exists(output.resolve(OutputLayout.RUN_DIRECTORY)), "reproduce left its run directory");
  }

  @Test
  void theEjmlKernelIsNamedAsTheCause() throws Exception {
    Path output = runSmallSweep();
    Path log = temp.resolve("ejml.log");
    // without the Vector API module the re-runs train on EJML's kernels
    int code = SweepRuns.mainInAnotherJvm(Set.of("--add-modules=" + KernelChoice.VECTOR_MODULE), List.of(),
        List.of("reproduce", output.toString(), "--trials", "1"), log);
    assertTrue(code == 0 || code == 1, () -> "exit " + code + "\n" + readString(log));
    Row verdict = onlyVerdict(output);
    assertNotEquals("identical", verdict.getAs("verdict"), verdict::toString);
    assertEquals(code == 0 ? "within_tolerance" : "drifted", verdict.getAs("verdict"), verdict::toString);
    assertEquals("kernel", verdict.getAs("cause"));
    assertEquals("kernel", verdict.getAs("changed"));
    assertEquals("ejml", verdict.getAs("rerun_kernel"));
    assertTrue(verdict.<String>getAs("committed_kernel").startsWith("vector"), verdict::toString);
  }

  @Test
  void aChangedDataFileIsNamedAsTheCause() throws Exception {
    Path data = Files.createDirectory(temp.resolve("mnist"));
    MnistFiles.write(data, 20, 10);
    Path output = temp.resolve("files-out");
    SweepConfig files = sweep(temp, "files.yaml", FILES_SWEEP.replace("DATA", data.toString()), output);
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(0, driver(spark).run(files, Rerun.NONE).failed());
    }
    // the first training image's pixels become 200 instead of 0: a valid file with other data
    Path images = data.resolve(MnistFiles.TRAIN_IMAGES);
    byte[] bytes = Files.readAllBytes(images);
    java.util.Arrays.fill(bytes, 16, 16 + 28 * 28, (byte) 200);
    Files.write(images, bytes);
    // another JVM: this one's executors cached the data set when the sweep ran
    Path log = temp.resolve("data.log");
    int code = SweepRuns.mainInAnotherJvm(Set.of(), List.of(), List.of("reproduce", output.toString()), log);
    assertTrue(code == 0 || code == 1, () -> "exit " + code + "\n" + readString(log));
    try (SparkSession spark = session("local[1]", Map.of())) {
      ResultViews.register(spark, output.toString());
      List<Row> verdicts = spark.sql("SELECT * FROM reproductions").collectAsList();
      assertEquals(2, verdicts.size());
      for (Row verdict : verdicts) {
        assertNotEquals("identical", verdict.getAs("verdict"), verdict::toString);
        assertEquals("data", verdict.getAs("cause"), verdict::toString);
        assertEquals("data", verdict.getAs("changed"), verdict::toString);
        assertEquals(false, verdict.getAs("weights_identical"));
      }
    }
  }

  @Test
  void badArgumentsAndOutputsExitTwoNamingWhatIsWrong() throws Exception {
    Finished badKey = main("reproduce", temp.toString(), "--tolerance", "curve=0.1");
    assertEquals(2, badKey.code());
    assertTrue(badKey.err().startsWith(
        "--tolerance curve=0.1: unknown key 'curve'; allowed: error, nll, stats, floor, histogram"), badKey.err());
    Finished badValue = main("reproduce", temp.toString(), "--tolerance", "nll=-1");
    assertEquals(2, badValue.code());
    assertTrue(badValue.err().startsWith("--tolerance nll=-1.0: expected a finite number >= 0"), badValue.err());
    Finished noOutput = main("reproduce", temp.resolve("nothing").toString());
    assertEquals(2, noOutput.code());
    assertTrue(noOutput.err().startsWith("no sweep output at "), noOutput.err());

    Path output = runSmallSweep();
    String absent = "0123456789abcdef0123456789abcdef";
    Finished unknownTrial = main("reproduce", output.toString(), "--trials", absent);
    assertEquals(2, unknownTrial.code());
    assertTrue(unknownTrial.err().startsWith("--trials: " + absent + " is not a committed trial of the sweep"),
        unknownTrial.err());
    Finished unknownSweep = main("reproduce", output.toString(), "--sweep", "other");
    assertEquals(2, unknownSweep.code());
    assertTrue(unknownSweep.err().startsWith("--sweep 'other' is not in " + output + "; the sweeps there: [small]"),
        unknownSweep.err());
    assertFalse(Files.exists(output.resolve(HistoryTable.REPRODUCTIONS.directory())), "a refused run wrote");
  }

  private Path runSmallSweep() throws Exception {
    Path output = temp.resolve("out");
    SweepConfig small = sweep(temp, "small.yaml", SMALL_SWEEP, output);
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(0, driver(spark).run(small, Rerun.NONE).failed());
    }
    return output;
  }

  /** The one row of the output's {@code reproductions} table. */
  private static Row onlyVerdict(Path output) throws Exception {
    try (SparkSession spark = session("local[1]", Map.of())) {
      ResultViews.register(spark, output.toString());
      List<Row> rows = spark.sql("SELECT * FROM reproductions").collectAsList();
      assertEquals(1, rows.size(), rows::toString);
      return rows.get(0);
    }
  }

  /** The reproduction ids of the output's {@code reproductions} files, in order. */
  private static List<String> runs(Path output) throws Exception {
    return filesIn(output.resolve("reproductions/sweep=small")).stream()
        .map(file -> file.getFileName().toString().replace(".parquet", "")).sorted().toList();
  }

  private static List<String> smallestTwoByHash(List<String> ids) throws Exception {
    TreeMap<String, String> byHash = new TreeMap<>();
    for (String id : ids) {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("glorot-sweep reproduce " + id).getBytes(StandardCharsets.UTF_8));
      byHash.put(HexFormat.of().formatHex(digest), id);
    }
    return byHash.values().stream().limit(2).sorted().toList();
  }

  /** Every file under the output's table directories, with its bytes. */
  private static Map<Path, byte[]> tableFiles(Path output) {
    Map<Path, byte[]> files = new TreeMap<>();
    for (ResultTable table : ResultTable.values()) {
      try (Stream<Path> walk = Files.walk(output.resolve(table.directory()))) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(file, Files.readAllBytes(file));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return files;
  }

  private static List<Path> filesIn(Path directory) throws Exception {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static Finished main(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Finished(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A command's exit code and what it printed. */
  private record Finished(int code, String out, String err) {}
}
