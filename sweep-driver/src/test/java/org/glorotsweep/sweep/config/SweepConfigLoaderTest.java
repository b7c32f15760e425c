package org.glorotsweep.sweep.config;

import static org.glorotsweep.sweep.config.TestSweeps.withGroupLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.junit.jupiter.api.Test;

/** How a valid sweep file becomes trials: values, defaults, merging, and the order of expansion. */
class SweepConfigLoaderTest {

  @Test
  void readsTheTopLevelKeys() throws ConfigException {
    SweepConfig sweep =
        parse(
            """
            sweep: smoke-1
            seed: -20100513
            output: hdfs:///sweeps
            timeout_seconds: 900
            groups:
              - {name: only, dataset: shapeset, depth: 1, width: 4, activation: tanh, init: standard,
                 learning_rate: 0.1, updates: 10}
            """);
    assertEquals("smoke-1", sweep.name());
    assertEquals(-20100513L, sweep.seed());
    assertEquals("hdfs:///sweeps", sweep.output());
    assertEquals(Optional.of(Duration.ofSeconds(900)), sweep.timeout());
    assertEquals("test.yaml", sweep.source());
    assertEquals("/tmp/elsewhere", sweep.withOutput("/tmp/elsewhere").output());
  }

  @Test
  void unsetKeysTakeThePapersDefaults() throws ConfigException {
    PlannedTrial trial = parse(withGroupLines("")).trials().get(0);
    assertEquals(Cost.NLL, trial.cost());
    assertEquals(10, trial.batchSize());
    assertEquals(1.0, trial.initGain());
    assertEquals(Precision.FLOAT32, trial.precision());
    assertEquals(0, trial.repeat());
    assertEquals(MonitorSpec.DEFAULT, trial.spec().monitor());
    assertEquals(Map.of(), trial.spec().data().options());
    assertEquals(Optional.empty(), parse(withGroupLines("")).timeout());
  }

  @Test
  void networkTakesItsOuterWidthsFromTheDataSet() throws ConfigException {
    PlannedTrial trial = parse(withGroupLines("")).trials().get(0);
    assertEquals(1024, trial.spec().network().inputSize());
    assertEquals(List.of(8, 8), trial.hiddenWidths());
    assertEquals(9, trial.spec().network().classes());
    assertEquals(2, trial.depth());
    assertEquals(OptionalInt.of(8), trial.width());
  }

  @Test
  void cartesianProductVariesTheFirstAxisSlowest() throws ConfigException {
    List<PlannedTrial> trials =
        parse(withGroupLines("    activation: [tanh, softsign]\n    init: [standard, normalized]\n")).trials();
    assertEquals(
        List.of("tanh/standard", "tanh/normalized", "softsign/standard", "softsign/normalized"),
        trials.stream().map(t -> t.activation().configName() + "/" + t.init().configName()).toList());
  }

  @Test
  void groupValuesTakeCommonsPlaceAndGroupOnlyKeysComeLast() throws ConfigException {
    // common order: ..., activation, init, learning_rate, updates; the group overrides learning_rate and
    // activation (in common's places) and adds repeat, which common does not have, after them.
    List<PlannedTrial> trials =
        parse(
            """
            sweep: t
            seed: 1
            output: out
            common:
              dataset: shapeset
              depth: 1
              width: 4
              activation: tanh
              init: [standard, normalized]
              learning_rate: 0.01
              updates: 10
            groups:
              - name: g
                repeat: [0, 1]
                learning_rate: [0.1, 0.01]
                activation: [softsign, sigmoid]
            """)
            .trials();
    assertEquals(16, trials.size());
    assertEquals(
        List.of(
            "softsign/standard/0.1/0", "softsign/standard/0.1/1",
            "softsign/standard/0.01/0", "softsign/standard/0.01/1",
            "softsign/normalized/0.1/0"),
        trials.subList(0, 5).stream().map(SweepConfigLoaderTest::axes).toList());
    assertEquals("sigmoid/normalized/0.01/1", axes(trials.get(15)));
  }

  @Test
  void groupsExpandInTheOrderWritten() throws ConfigException {
    List<PlannedTrial> trials =
        parse(withGroupLines("    init: normalized\n  - name: second\n    width: 16\n  - name: third\n    width: 32\n"))
            .trials();
    assertEquals(List.of("g0", "second", "third"), trials.stream().map(PlannedTrial::group).toList());
  }

  @Test
  void repeatsCountsFromZeroAndVariesAtItsPosition() throws ConfigException {
    List<PlannedTrial> trials = parse(withGroupLines("    repeats: 3\n    init: [standard, normalized]\n")).trials();
    assertEquals(List.of(0, 1, 2, 0, 1, 2), trials.stream().map(PlannedTrial::repeat).toList());
    assertEquals(Initializer.NORMALIZED, trials.get(3).init());
  }

  @Test
  void groupHiddenWidthsReplaceCommonsDepthAndWidth() throws ConfigException {
    List<PlannedTrial> trials = parse(withGroupLines("    hidden_widths: [[100, 50], [30]]\n")).trials();
    assertEquals(List.of(List.of(100, 50), List.of(30)), trials.stream().map(PlannedTrial::hiddenWidths).toList());
    assertEquals(OptionalInt.empty(), trials.get(0).width());
  }

  @Test
  void groupDepthReplacesCommonsHiddenWidths() throws ConfigException {
    String yaml = withGroupLines("    depth: 3\n    width: 5\n").replace("  depth: 2\n  width: 8\n", "  hidden_widths: [[7]]\n");
    assertEquals(List.of(5, 5, 5), parse(yaml).trials().get(0).hiddenWidths());
  }

  @Test
  void dataOptionsAndMonitorMergeKeyByKey() throws ConfigException {
    String yaml =
        withGroupLines("    data_options: {test_size: 500, pixels: '0,1'}\n    monitor: {interval: 20000}\n")
            .replace(
                "  updates: 100\n",
                "  updates: 100\n  data_options: {validation_size: 1000, test_size: 1000}\n"
                    + "  monitor: {examples: 100, enabled: false}\n");
    PlannedTrial trial = parse(yaml).trials().get(0);
    assertEquals(
        Map.of("validation_size", "1000", "test_size", "500", "pixels", "0,1"), trial.spec().data().options());
    MonitorSpec monitor = trial.spec().monitor();
    assertEquals(100, monitor.monitorExamples());
    assertEquals(20000, monitor.interval());
    assertEquals(false, monitor.enabled());
    assertEquals(MonitorSpec.DEFAULT.histogramBins(), monitor.histogramBins());
  }

  @Test
  void originNamesTheListElementsATrialTakes() throws ConfigException {
    List<PlannedTrial> trials = parse(withGroupLines("    activation: [tanh, softsign]\n")).trials();
    assertEquals("groups[0] (groups[0].activation[1])", trials.get(1).origin());
    assertEquals("groups[0]", parse(withGroupLines("")).trials().get(0).origin());
  }

  @Test
  void longestTrialsFirst() throws ConfigException {
    SweepConfig sweep = parse(withGroupLines("    width: [8, 64, 16]\n"));
    assertEquals(
        List.of(64, 16, 8),
        sweep.trialsLongestFirst().stream().map(t -> t.width().getAsInt()).toList());
  }

  private static String axes(PlannedTrial trial) {
    return trial.activation().configName() + "/" + trial.init().configName() + "/" + trial.learningRate() + "/"
        + trial.repeat();
  }

  private static SweepConfig parse(String yaml) throws ConfigException {
    return SweepConfigLoader.parse(yaml, "test.yaml", TestSweeps.SHAPESET_ONLY);
  }
}
