package org.glorotsweep.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glorotsweep.sweep.grid.DataShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per kind of invalid sweep file: each checks that the message names the file, the key path, the
 * value and what is allowed, and that the file's other problems are reported with it.
 */
class ConfigValidationTest {
  private static final String FILE = "bad.yaml";

  private static final String VALID = TestSweeps.withGroupLines("");
  private static final DataShapes SHAPESET_ONLY = TestSweeps.SHAPESET_ONLY;

  @Test
  void theValidBaseLoads() throws ConfigException {
    assertEquals(1, SweepConfigLoader.parse(VALID, FILE, SHAPESET_ONLY).trials().size());
  }

  /** Single mistakes in an otherwise valid file, each with the one error it causes. */
  static Stream<Arguments> singleMistakes() {
    return Stream.of(
        inGroup(
            "YAML syntax error, with its line",
            "    activation: [tanh, softsign\n    init: normalized\n",
            "line 15, column 9", "invalid YAML", "expected ',' or ']'", "flow sequence at line 14, column 17"),
        inGroup(
            "a YAML tag naming a Java class (never instantiated)",
            "    activation: !!java.lang.ProcessBuilder [ls]\n",
            "line 14, column 17", "invalid YAML", "could not determine a constructor"),
        inGroup(
            "duplicate key",
            "    depth: 3\n    depth: 4\n",
            "line 15, column 5", "invalid YAML: found duplicate key depth"),
        inGroup(
            "unknown key in a group",
            "    activaton: tanh\n",
            "groups[0].activaton", "not a known key", "allowed here: name, dataset, data_options", "activation"),
        inGroup(
            "unknown key in monitor",
            "    monitor: {examples: 100, bins: 20}\n",
            "groups[0].monitor.bins", "not a known key", "histogram_bins"),
        inGroup(
            "wrong type of an axis value",
            "    depth: four\n",
            "groups[0].depth", "'four' is text; expected an integer"),
        inGroup(
            "wrong type of a list element",
            "    learning_rate: [0.1, fast]\n",
            "groups[0].learning_rate[1]", "'fast' is text; expected a number"),
        inGroup(
            "a data option that is not a scalar",
            "    data_options: {test_size: [1, 2]}\n",
            "groups[0].data_options.test_size", "[1, 2] is a list; expected a single value"),
        inGroup(
            "unknown precision written as a number",
            "    precision: 32\n",
            "groups[0].precision", "unknown value '32'", "allowed: float32, float64"),
        inGroup(
            "unknown activation",
            "  - name: g1\n    activation: [tanh, softsign, relu2]\n",
            "groups[1].activation[2]",
            "unknown value 'relu2'",
            "allowed: sigmoid, tanh, softsign, relu, identity"),
        inGroup(
            "hidden_widths with depth",
            "    depth: 3\n    hidden_widths: [[8, 4]]\n",
            "groups[0].hidden_widths",
            "cannot be given together with depth",
            "give depth and width, or hidden_widths"),
        inGroup(
            "zero repeats",
            "    repeats: 0\n",
            "groups[0].repeats", "0 is not allowed; expected an integer >= 1"),
        inGroup(
            "fewer monitor examples than default Jacobian examples",
            "    monitor: {examples: 5}\n",
            "groups[0].monitor.examples", "jacobian_examples = 10 (the default) exceeds examples = 5"),
        inGroup(
            "duplicate group names",
            "    init: normalized\n  - name: g0\n",
            "groups[1].name", "'g0' is already the name of groups[0]", "expected a name no other group has"),
        inGroup(
            "a group without trials",
            "    activation: []\n",
            "groups[0].activation", "[] is empty, so group 'g0' has no trials", "give at least one value"),
        inGroup(
            "a group with too many trials",
            "    repeats: 200000\n",
            "groups", "the 1 groups list 200,000 trials in all (largest: groups[0] 'g0' 200,000)",
            "at most 100,000 are allowed in one sweep"),
        inGroup(
            "the same spec twice in one list",
            "    init: [standard, normalized, standard]\n",
            "groups[0] (groups[0].init[2])",
            "is the same trial as groups[0] (groups[0].init[0])",
            "a sweep may list each spec only once"),
        inGroup(
            "the same spec in two groups",
            "  - name: g1\n    depth: 2\n",
            "groups[1]", "is the same trial as groups[0] (id ", "repeat 0"),
        inGroup(
            "unknown data set",
            "    dataset: [shapeset, imagenet]\n",
            "groups[0].dataset[1]", "'imagenet' (no data_options) is not valid", "allowed: shapeset"),
        edited(
            "unknown top-level key",
            VALID.replace("output: out", "output: out\ncolour: red"),
            "colour",
            "not a known key",
            "allowed here: sweep, seed, output, timeout_seconds, checkpoint_every, common, groups"),
        edited(
            "name in common",
            VALID.replace("  dataset: shapeset", "  dataset: shapeset\n  name: all"),
            "common.name", "not a known key", "allowed here: dataset,"),
        edited(
            "a layer width out of range",
            VALID.replace("  depth: 2\n  width: 8\n", "  hidden_widths: [[64, 0]]\n"),
            "common.hidden_widths[0][1]", "0 is not allowed; expected an integer >= 1"),
        edited(
            "a group without a name",
            VALID.replace("  - name: g0\n", "  - activation: tanh\n"),
            "groups[0].name", "is missing"),
        edited(
            "no groups",
            VALID.replace("groups:\n  - name: g0\n", "groups: []\n"),
            "groups", "[] is empty; expected at least one group"),
        edited(
            "a seed beyond the range of long",
            VALID.replace("seed: 7", "seed: 99999999999999999999"),
            "seed", "99999999999999999999 is too large"),
        edited(
            "repeats with repeat",
            VALID.replace("  updates: 100\n", "  updates: 100\n  repeats: 2\n  repeat: [3]\n"),
            "common.repeats", "cannot be given together with repeat", "give repeat, or repeats"),
        edited(
            "more Jacobian examples than monitor examples",
            VALID.replace("  updates: 100\n", "  updates: 100\n  monitor: {jacobian_examples: 50}\n")
                + "    monitor: {examples: 20}\n",
            "common.monitor.jacobian_examples",
            "jacobian_examples = 50 (common.monitor.jacobian_examples)",
            "exceeds examples = 20 (groups[0].monitor.examples)",
            "expected jacobian_examples <= examples"));
  }

  @ParameterizedTest
  @MethodSource("singleMistakes")
  void reportsTheMistakeAtItsKeyPath(String yaml, String keyPath, String[] fragments) {
    ConfigException e = errorsOf(yaml);
    assertEquals(1, e.errors().size(), e::getMessage);
    assertError(e, keyPath, fragments);
  }

  @Test
  void documentThatIsNotAMap() {
    ConfigException e = errorsOf("- sweep\n- seed\n");
    assertError(e, "", "['sweep', 'seed'] is a list", "expected a map with the keys sweep, seed, output");
  }

  @Test
  void wrongTypeOfAMap() {
    ConfigException e = errorsOf(VALID + "    data_options: [a, b]\n    monitor: 5\n");
    assertError(e, "groups[0].data_options", "['a', 'b'] is a list; expected a map of option names");
    assertError(e, "groups[0].monitor", "5 is an integer; expected a map of monitor settings");
  }

  @Test
  void flatHiddenWidthsSaysItListsArchitectures() {
    ConfigException e = errorsOf(VALID.replace("  depth: 2\n  width: 8\n", "  hidden_widths: [100, 50]\n"));
    assertError(e, "common.hidden_widths[0]", "100 is an integer", "[[1000, 500]] is one");
  }

  @Test
  void outOfRangeValuesUseTheSpecRules() {
    ConfigException e =
        errorsOf(VALID + "    width: 0\n    learning_rate: [0.1, -0.5]\n    batch_size: 0\n    monitor: {examples: 0}\n");
    assertError(e, "groups[0].width", "0 is not allowed; expected an integer >= 1");
    assertError(e, "groups[0].learning_rate[1]", "-0.5 is not allowed; expected a finite number > 0");
    assertError(e, "groups[0].batch_size", "0 is not allowed; expected an integer >= 1");
    assertError(e, "groups[0].monitor.examples", "0 is not allowed; expected an integer >= 1");
  }

  @Test
  void negativeDepthAndRepeat() {
    ConfigException e = errorsOf(VALID + "    depth: -1\n    repeat: [0, -2]\n");
    assertError(e, "groups[0].depth", "-1 is not allowed; expected an integer >= 0");
    assertError(e, "groups[0].repeat[1]", "-2 is not allowed; expected an integer >= 0");
  }

  @Test
  void missingTopLevelKeys() {
    ConfigException e = errorsOf(VALID.replace("sweep: t\n", "").replace("output: out\n", ""));
    assertError(e, "sweep", "is missing; expected a name matching [a-z][a-z0-9_-]*");
    assertError(e, "output", "is missing; expected a local path or a Hadoop file system URI");
  }

  @Test
  void missingTrialKeyAfterMergingCommon() {
    ConfigException e = errorsOf(VALID.replace("  activation: tanh\n", "").replace("  width: 8\n", ""));
    assertError(e, "groups[0].activation", "is missing; set it in common or in the group");
    assertError(e, "groups[0].width", "is missing");
  }

  @Test
  void invalidSweepNameSeedAndTimeout() {
    ConfigException e =
        errorsOf(VALID.replace("sweep: t", "sweep: Smoke!").replace("seed: 7", "seed: 1.5")
            .replace("output: out", "output: out\ntimeout_seconds: 0"));
    assertError(e, "sweep", "'Smoke!' is not allowed; expected a name matching [a-z][a-z0-9_-]*");
    assertError(e, "seed", "1.5 is a number; expected an integer");
    assertError(e, "timeout_seconds", "0 is not allowed; expected a number of seconds >= 1");
  }

  @Test
  void sweepNameOfDigitsOrADateIsRefused() {
    String rule = "expected a name matching [a-z][a-z0-9_-]* (a letter first, so that no engine reads the "
        + "sweep partition as a number or a date)";
    for (String name : List.of("'2010'", "2010-01-01", "'1e5'", "_x", "-1a")) {
      ConfigException e = errorsOf(VALID.replace("sweep: t", "sweep: " + name));
      assertError(e, "sweep", "'" + name.replace("'", "") + "' is not allowed; " + rule);
    }
    assertError(errorsOf(VALID.replace("sweep: t", "sweep: 2010")), "sweep", "2010 is an integer; " + rule);
  }

  @Test
  void unreadableDataFileNamesDatasetAndDataOptions() {
    DataShapes missingFiles =
        spec -> {
          throw new NoSuchFileException(spec.option("path", "?") + "/train-images-idx3-ubyte");
        };
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> SweepConfigLoader.parse(
                VALID + "    dataset: mnist\n    data_options: {path: /nowhere}\n", FILE, missingFiles));
    assertError(
        e, "groups[0].dataset", "'mnist' with data_options {path=/nowhere} (groups[0].data_options)",
        "cannot be read: NoSuchFileException: /nowhere/train-images-idx3-ubyte");
  }

  @Test
  void dataSetThatGivesNoValidNetwork() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> SweepConfigLoader.parse(VALID, FILE, spec -> new DataShapes.Shape(1024, 1)));
    assertError(e, "common.dataset", "gives an invalid network", "network.classes: 1 is not allowed");
  }

  @Test
  void unreadableSweepFile(@TempDir Path dir) {
    Path missing = dir.resolve("absent.yaml");
    ConfigException e =
        assertThrows(ConfigException.class, () -> SweepConfigLoader.load(missing, SHAPESET_ONLY));
    assertEquals(missing.toString(), e.source());
    assertTrue(e.getMessage().startsWith(missing + ": cannot be read: NoSuchFileException"), e.getMessage());
  }

  @Test
  void everyProblemInAFileIsReportedAtOnce() {
    ConfigException e =
        errorsOf(VALID.replace("seed: 7", "seed: x") + "    width: 0\n    cost: hinge\n  - name: g1\n    init: []\n");
    assertEquals(
        List.of("seed", "groups[0].width", "groups[0].cost", "groups[1].init"),
        e.errors().stream().map(ConfigError::keyPath).toList());
    assertEquals(4, e.getMessage().lines().filter(line -> line.startsWith("bad.yaml: ")).count());
  }

  @Test
  void loadsFromAFileAndNamesIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, VALID + "    width: -3\n");
    ConfigException e = assertThrows(ConfigException.class, () -> SweepConfigLoader.load(file, SHAPESET_ONLY));
    assertEquals(file + ": groups[0].width: -3 is not allowed; expected an integer >= 1", e.getMessage());
  }

  // The valid file with groupLines appended to its last group.
  private static Arguments inGroup(String name, String groupLines, String keyPath, String... fragments) {
    return edited(name, VALID + groupLines, keyPath, fragments);
  }

  private static Arguments edited(String name, String yaml, String keyPath, String... fragments) {
    return Arguments.argumentSet(name, yaml, keyPath, fragments);
  }

  private static ConfigException errorsOf(String yaml) {
    return assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(yaml, FILE, SHAPESET_ONLY));
  }

  // The error at keyPath exists, its detail holds every fragment, and the message names the file.
  private static void assertError(ConfigException e, String keyPath, String... fragments) {
    ConfigError error =
        e.errors().stream()
            .filter(candidate -> candidate.keyPath().equals(keyPath))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no error at '" + keyPath + "' in:\n" + e.getMessage()));
    for (String fragment : fragments) {
      assertTrue(error.detail().contains(fragment), () -> "'" + fragment + "' not in: " + error);
    }
    assertTrue(e.getMessage().contains(FILE + ": " + error), e::getMessage);
  }
}
