package org.glorotsweep.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit.sh} as a user runs it: an unknown subcommand or spark-submit option is named in one line with
 * exit code 2 before any JVM starts, and {@code sql OUTPUT} with queries on standard input (not a terminal)
 * runs them all on one session, going on after a failed one; with {@code JAVA_HOME} at a newer JDK, the
 * sweep runs on that JDK. Needs the packaged jars, so it runs in {@code verify}.
 */
class SubmitScriptIT {
  /** The repository, from the module directory Failsafe runs in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration LIMIT = Duration.ofMinutes(10);

  @TempDir Path temp;

  /** What a process printed, and its exit code. */
  private record Outcome(int code, String out, String err) {}

  private Outcome submit(String stdin, String... args) throws IOException, InterruptedException {
    return submit(null, stdin, args);
  }

  /** Runs submit.sh with {@code javaHome} as JAVA_HOME, or without JAVA_HOME when it is null. */
  private Outcome submit(Path javaHome, String stdin, String... args) throws IOException, InterruptedException {
    Path out = temp.resolve("stdout");
    Path err = temp.resolve("stderr");
    Path in = Files.writeString(temp.resolve("stdin"), stdin);
    List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("submit.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("SPARK_HOME");
    if (javaHome == null) {
      builder.environment().remove("JAVA_HOME");
    } else {
      builder.environment().put("JAVA_HOME", javaHome.toString());
    }
    Process process = builder.start();
    if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail(command + " did not finish within " + LIMIT);
    }
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownSubcommandIsNamed() throws Exception {
    Outcome outcome = submit("", "foo", "bar");
    assertEquals(2, outcome.code(), outcome::toString);
    assertEquals("submit.sh: unknown command 'foo'; expected plan, run, status, sql, report or reproduce",
        outcome.err().lines().findFirst().orElseThrow());
    assertTrue(outcome.err().lines().toList().get(1).startsWith("usage: "), outcome::err);
  }

  @Test
  void anUnknownSparkSubmitOptionIsNamedWithoutAStackTrace() throws Exception {
    Outcome outcome = submit("", "--master", "local[1]", "--bogus-flag", "sql", "out", "SELECT 1");
    assertEquals(2, outcome.code(), outcome::toString);
    assertEquals("submit.sh: unknown spark-submit option '--bogus-flag' (spark-submit --help lists them)",
        outcome.err().lines().findFirst().orElseThrow());
    assertEquals(2, outcome.err().lines().count(), outcome::err);
  }

  @Test
  void queriesOnStandardInputRunOneAfterAnotherOnOneSession() throws Exception {
    Path output = Files.createDirectories(temp.resolve("output/trials")).getParent();
    String queries = """
        SELECT count(*) AS trials
          FROM trials;
        SELECT no_such_column FROM trials;
        INSERT OVERWRITE DIRECTORY '%s' USING csv SELECT 1;
        SELECT 'a;b' AS text; SELECT id FROM range(3)
          -- the last statement needs no ';'
          ORDER BY id DESC
        """.formatted(temp);
    Outcome outcome = submit(queries, "--master", "local[1]", "--conf", "spark.ui.enabled=false",
        "sql", output.toString(), "--format", "csv");
    // each statement's rows in order, the failed ones only on the error stream
    assertEquals(List.of("trials", "0", "text", "a;b", "id", "2", "1", "0"), outcome.out().lines().toList(),
        outcome::toString);
    List<String> errors = outcome.err().lines().filter(line -> line.startsWith("error: ")).toList();
    assertEquals(2, errors.size(), outcome::err);
    assertTrue(errors.get(0).startsWith("error: [UNRESOLVED_COLUMN"), errors::toString);
    assertTrue(errors.get(1).contains("refused: InsertIntoDir"), errors::toString);
    assertEquals(3, outcome.err().lines().filter(line -> line.matches("\\(\\d+\\.\\d\\d s\\)")).count(),
        outcome::err);
    assertFalse(outcome.err().contains("\tat "), outcome::err);
    assertTrue(Files.exists(temp.resolve("stdin")), "the refused statement replaced " + temp);
    assertEquals(2, outcome.code(), "a failed statement makes the exit code 2");
  }

  /**
   * The smoke sweep under {@code JAVA_HOME} set to a JDK newer than 17 (the machine's Temurin 25, say) trains
   * on that JDK, as its trials' {@code java_version} records, with the vector kernels, and gives the same bits
   * as on the default java: the same {@code weights_sha256} for every trial (the determinism contract across
   * Java versions). Skipped where no newer JDK is installed under /usr/lib/jvm.
   */
  @Test
  void aSweepRunsOnTheJdkThatJavaHomeNamesWithTheSameBits() throws Exception {
    Path jdk = newerJdk();
    Assumptions.assumeTrue(jdk != null, "no JDK newer than 17 under /usr/lib/jvm");
    List<String> newer = smokeTrials(jdk, temp.resolve("on-newer-jdk"));
    List<String> default17 = smokeTrials(null, temp.resolve("on-default-jdk"));
    assertEquals(6, newer.size(), newer::toString);
    for (int row = 1; row < newer.size(); row++) {
      String[] onNewer = newer.get(row).split(",");
      String[] onDefault = default17.get(row).split(",");
      assertEquals(onDefault[0] + "," + onDefault[1], onNewer[0] + "," + onNewer[1], "trial id and weights");
      assertTrue(onNewer[2].startsWith(featureVersion(jdk) + "."), newer::toString);
      assertTrue(onNewer[3].matches("vector\\d+"), newer::toString);
      assertEquals(onDefault[3], onNewer[3], "kernel");
    }
  }

  /**
   * Runs the smoke sweep into {@code output} with {@code javaHome} as JAVA_HOME (none when null), then lists
   * its trials as CSV lines: a header, then trial_id, weights_sha256, java_version and kernel by trial id.
   */
  private List<String> smokeTrials(Path javaHome, Path output) throws Exception {
    Outcome run = submit(javaHome, "", "--master", "local[2]", "--conf", "spark.ui.enabled=false", "run",
        ROOT.resolve("conf/smoke.yaml").toString(), "--output", output.toString());
    assertEquals(0, run.code(), run::toString);
    Outcome query = submit("", "--master", "local[1]", "--conf", "spark.ui.enabled=false", "sql",
        output.toString(), "SELECT trial_id, weights_sha256, java_version, kernel FROM trials ORDER BY trial_id",
        "--format", "csv");
    assertEquals(0, query.code(), query::toString);
    return query.out().lines().toList();
  }

  /** The JDK under /usr/lib/jvm with the highest feature version above 17, or null. */
  private static Path newerJdk() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (var homes = Files.list(jvms)) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> Files.isRegularFile(home.resolve("release")))
          .filter(home -> Integer.parseInt(featureVersion(home)) > 17)
          .max(java.util.Comparator.comparingInt(home -> Integer.parseInt(featureVersion(home))))
          .orElse(null);
    }
  }

  /** The feature version (17, 25) in a JDK's release file: JAVA_VERSION="25.0.3". */
  private static String featureVersion(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.replaceAll("^JAVA_VERSION=\"?(\\d+).*$", "$1"))
          .findFirst().orElse("0");
    } catch (IOException e) {
      return "0";
    }
  }
}
