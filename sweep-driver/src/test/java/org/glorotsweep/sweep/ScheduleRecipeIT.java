package org.glorotsweep.sweep;

import static org.glorotsweep.sweep.SweepRuns.SMALL_SWEEP;
import static org.glorotsweep.sweep.SweepRuns.driver;
import static org.glorotsweep.sweep.SweepRuns.session;
import static org.glorotsweep.sweep.SweepRuns.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.spark.SweepDriver.Rerun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling recipes of {@code scripts/schedule/} work as written: the crontab line for the local run, run by
 * {@code /bin/sh} with cron's environment, and the systemd service's {@code ExecStart}, expanded as systemd
 * expands it ({@code %h}, {@code %i}, {@code ${VAR}} from its {@code EnvironmentFile}), each reproduce a real
 * sweep output through {@code submit.sh} with exit 0 and the summary line last. The local environment file is the
 * shipped one with its two paths pointed at this checkout and the output. systemd and cron themselves are not run.
 * Needs the packaged jars, so it runs in {@code verify}.
 */
class ScheduleRecipeIT {
  /** The repository, from the module directory Failsafe runs in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path RECIPES = ScheduleRecipes.FOLDER;
  private static final Pattern SUMMARY = Pattern.compile(
      "reproduce small \\d{8}T\\d{6}Z-[0-9a-f]{8}: 4 trials, 4 identical, 0 within_tolerance, 0 drifted, 0 failed;"
          + " exit 0");

  @TempDir static Path temp;
  private static Path home;

  @BeforeAll
  static void commitASweepAndInstallTheLocalEnvironmentFile() throws Exception {
    Path output = temp.resolve("out");
    try (SparkSession spark = session("local[2]", Map.of())) {
      assertEquals(0, driver(spark).run(sweep(temp, "small.yaml", SMALL_SWEEP, output), Rerun.NONE).failed());
    }
    home = Files.createDirectories(temp.resolve("home"));
    Path config = Files.createDirectories(home.resolve(".config/glorot-sweep"));
    String env = Files.readString(RECIPES.resolve("local.env"))
        .replaceFirst("(?m)^GLOROT_SWEEP_HOME=.*$", "GLOROT_SWEEP_HOME=" + ROOT)
        .replaceFirst("(?m)^REPRODUCE_OUTPUT=.*$", "REPRODUCE_OUTPUT=" + output);
    Files.writeString(config.resolve("local.env"), env);
  }

  @Test
  void theCrontabLineRunsAsWritten() throws Exception {
    String line = Files.readAllLines(RECIPES.resolve("crontab")).stream()
        .filter(l -> l.contains("local.env")).findFirst().orElseThrow();
    Matcher schedule = Pattern.compile("^(\\S+\\s+){5}(.*)$").matcher(line);
    assertTrue(schedule.matches(), line);
    // cron runs the command with /bin/sh and little more than HOME and PATH
    int code = run(List.of("/bin/sh", "-c", schedule.group(2)),
        Map.of("HOME", home.toString(), "LOGNAME", "cron", "SHELL", "/bin/sh", "PATH", "/usr/bin:/bin"));
    Path log = home.resolve("glorot-reproduce-local.log");
    String written = Files.readString(log);
    assertEquals(0, code, written);
    assertTrue(SUMMARY.matcher(lastLine(written)).matches(), written);
  }

  @Test
  void theServicesCommandRunsAsSystemdExpandsIt() throws Exception {
    Map<String, String> unit = unitKeys(RECIPES.resolve("glorot-reproduce@.service"));
    Map<String, String> timer = unitKeys(RECIPES.resolve("glorot-reproduce@.timer"));
    assertEquals("glorot-reproduce@%i.service", timer.get("Unit"));
    assertTrue(timer.containsKey("OnCalendar"), timer::toString);
    Path envFile = Path.of(specifiers(unit.get("EnvironmentFile")));
    Map<String, String> env = ScheduleRecipes.environmentFile(envFile);
    List<String> command = new ArrayList<>();
    for (String word : specifiers(unit.get("ExecStart")).split(" ")) {
      Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(word);
      command.add(variable.replaceAll(m -> Matcher.quoteReplacement(env.getOrDefault(m.group(1), ""))));
    }
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("HOME", home.toString());
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    Path out = temp.resolve("service.out");
    int code = run(command, environment, out);
    String written = Files.readString(out);
    assertEquals(0, code, written);
    assertTrue(SUMMARY.matcher(lastLine(written)).matches(), written);
  }

  /** {@code %h} and {@code %i} as systemd replaces them for {@code glorot-reproduce@local.service}. */
  private static String specifiers(String value) {
    return value.replace("%h", home.toString()).replace("%i", "local");
  }

  /** The {@code Key=value} lines of a unit file (the last of each key). */
  private static Map<String, String> unitKeys(Path unit) throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unit)) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && !line.startsWith("[") && equals > 0) {
        keys.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return keys;
  }

  private int run(List<String> command, Map<String, String> environment) throws Exception {
    return run(command, environment, temp.resolve("command.out"));
  }

  /** Runs {@code command} with exactly {@code environment}, its output to {@code out}, within 10 minutes. */
  private int run(List<String> command, Map<String, String> environment, Path out) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail(command + " did not end within 10 minutes\n" + Files.readString(out, StandardCharsets.UTF_8));
    }
    return process.exitValue();
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
