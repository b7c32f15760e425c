package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.util.VersionInfo;
import org.glorotsweep.sweep.cli.Main;
import org.glorotsweep.sweep.testing.MnistFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} refuses, before anything runs, what would fail only once trials run: a broken data file (at the key
 * path of the data option that names it), a scheme no FileSystem on the classpath serves, an output location that
 * cannot hold results. Each is one short message with exit code 2, and nothing is left behind.
 */
class PlanChecksTest {
  private static final String CONFIG = """
      sweep: files
      seed: 1
      output: OUTPUT
      common:
        dataset: mnist
        depth: 1
        width: 8
        activation: tanh
        init: normalized
        learning_rate: 0.1
        updates: 10
      groups:
        - name: g
          data_options: {path: 'DATA', validation_size: 5}
      """;

  @TempDir Path temp;
  private Path data;
  private Path output;

  @BeforeEach
  void writeData() throws IOException {
    data = Files.createDirectory(temp.resolve("mnist"));
    MnistFiles.write(data, 20, 10);
    output = temp.resolve("out");
  }

  /** What {@code plan} printed to stderr and returned. */
  private record Outcome(int code, String err) {}

  /** Runs {@code plan} on {@code config}, checking that it leaves every file under the temp directory as it was. */
  private Outcome plan(String config) throws Exception {
    Path file = temp.resolve("sweep.yaml");
    Files.writeString(file, config);
    List<Path> before = listing(temp);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("plan", file.toString()), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(before, listing(temp), "plan wrote nothing, and removed its write probe");
    return new Outcome(code, err.toString(StandardCharsets.UTF_8));
  }

  private String config() {
    return CONFIG.replace("OUTPUT", output.toString()).replace("DATA", data.toString());
  }

  /** Exit code 2, one line naming the file, the key path and each expected part; no stack trace. */
  private void assertRefused(Outcome outcome, String keyPath, String... parts) {
    assertEquals(2, outcome.code(), outcome.err());
    String line = temp.resolve("sweep.yaml") + ": " + keyPath + ": ";
    assertTrue(outcome.err().startsWith(line), "starts with '" + line + "': " + outcome.err());
    for (String part : parts) {
      assertTrue(outcome.err().contains(part), "says '" + part + "': " + outcome.err());
    }
    assertEquals(1, outcome.err().lines().count(), "one line, no stack trace: " + outcome.err());
  }

  @Test
  void wellFormedFilesAndAUsableOutputPlanAndLeaveNothingBehind() throws Exception {
    assertEquals(0, plan(config()).code());
    assertFalse(Files.exists(output), "plan does not make the output directory");
  }

  @Test
  void truncatedImagesFileIsRefusedAtTheOptionThatNamesIt() throws Exception {
    MnistFiles.truncate(data.resolve(MnistFiles.TRAIN_IMAGES), 100);
    assertRefused(plan(config()), "groups[0].data_options.path",
        "'" + data + "' (data set 'mnist'): " + data.resolve(MnistFiles.TRAIN_IMAGES)
            + ": truncated: the header declares 20x28x28 unsigned bytes (15680 bytes) but only 15580 follow");
  }

  @Test
  void labelOutsideTheClassesIsRefused() throws Exception {
    byte[] labels = MnistFiles.labels(10);
    labels[8 + 4] = 11;
    Files.write(data.resolve(MnistFiles.TEST_LABELS), labels);
    assertRefused(plan(config()), "groups[0].data_options.path",
        data.resolve(MnistFiles.TEST_LABELS) + ": label 11 of example 4 is outside 0..9");
  }

  @Test
  void mismatchedImageAndLabelCountsAreRefused() throws Exception {
    Files.write(data.resolve(MnistFiles.TRAIN_LABELS), MnistFiles.labels(21));
    assertRefused(plan(config()), "groups[0].data_options.path",
        data.resolve(MnistFiles.TRAIN_LABELS) + ": holds 21 labels, but the images file "
            + data.resolve(MnistFiles.TRAIN_IMAGES) + " holds 20 images; expected one label per image");
  }

  @Test
  void validationSizeNotBelowTheTrainingCountIsRefusedAtItsKey() throws Exception {
    assertRefused(plan(config().replace("validation_size: 5", "validation_size: 20")),
        "groups[0].data_options.validation_size",
        "'20' (data set 'mnist'): " + data.resolve(MnistFiles.TRAIN_IMAGES)
            + ": holds 20 training examples; the split needs more than validation_size = 20");
  }

  @Test
  void aDefaultOptionAtFaultIsNamedWithTheDataSet() throws Exception {
    assertRefused(plan(config().replace(", validation_size: 5", "")), "common.dataset",
        "'mnist' with data_options {path=" + data + "} (groups[0].data_options): "
            + data.resolve(MnistFiles.TRAIN_IMAGES)
            + ": holds 20 training examples; the split needs more than validation_size = 10000");
  }

  @Test
  void optionsWrittenInCommonAreNamedThere() throws Exception {
    MnistFiles.truncate(data.resolve(MnistFiles.TEST_IMAGES), 1);
    String config = config().replace("  dataset: mnist\n", "  dataset: mnist\n  data_options: {path: '" + data + "'}\n")
        .replace("{path: '" + data + "', validation_size: 5}", "{validation_size: 5}");
    assertRefused(plan(config), "common.data_options.path", data.resolve(MnistFiles.TEST_IMAGES) + ": truncated");
  }

  @Test
  void dataOnS3aWithoutHadoopAwsSaysWhatToAdd() throws Exception {
    String hadoop = VersionInfo.getVersion();
    assertRefused(plan(config().replace("'" + data + "'", "'s3a://bucket/mnist'")), "groups[0].data_options.path",
        "'s3a://bucket/mnist' (data set 'mnist'): s3a://bucket/mnist/",
        "no Hadoop FileSystem for scheme 's3a' on the classpath",
        "--packages org.apache.hadoop:hadoop-aws:" + hadoop, "--jars", "software.amazon.awssdk bundle");
  }

  @Test
  void outputOnS3aWithoutHadoopAwsSaysWhatToAdd() throws Exception {
    String config = config().replace("output: " + output, "output: s3a://bucket/sweeps");
    assertRefused(plan(config), "output", "'s3a://bucket/sweeps' cannot hold the results",
        "no Hadoop FileSystem for scheme 's3a'", "hadoop-aws");
  }

  @Test
  void outputOnASchemeHadoopDoesNotKnowIsRefused() throws Exception {
    String config = config().replace("output: " + output, "output: nosuch://host/sweeps");
    assertRefused(plan(config), "output", "no Hadoop FileSystem for scheme 'nosuch'");
  }

  @Test
  void outputUnderAFileIsRefused() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
    output = file.resolve("sweeps");
    assertRefused(plan(config()), "output",
        "'" + output + "' cannot hold the results: file:" + file
            + " is a file, so no directory can be made under it");
  }

  @Test
  void outputThatIsAFileIsRefused() throws Exception {
    output = Files.writeString(temp.resolve("a-file"), "not a directory");
    assertRefused(plan(config()), "output", "file:" + output + " is a file; expected a directory");
  }

  /**
   * A directory the driver's user cannot write. Permission bits do not stop root, so where the tests run as root
   * (CI does) the directory is writable after all, the check rightly accepts it, and this test is skipped.
   */
  @Test
  void outputInADirectoryTheUserCannotWriteIsRefused() throws Exception {
    Path readOnly = Files.createDirectory(temp.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(cannotCreateFileIn(readOnly), "the test user may write into a read-only directory (root)");
      output = readOnly.resolve("sweeps");
      assertRefused(plan(config()), "output", "cannot create a file in file:" + readOnly);
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean cannotCreateFileIn(Path directory) throws IOException {
    try {
      Files.delete(Files.createFile(directory.resolve("try")));
      return false;
    } catch (AccessDeniedException e) {
      return true;
    }
  }

  private static List<Path> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.sorted().toList();
    }
  }
}
