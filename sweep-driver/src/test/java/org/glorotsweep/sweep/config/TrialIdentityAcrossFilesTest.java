package org.glorotsweep.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.junit.jupiter.api.Test;

/**
 * A trial's id depends only on its spec, and its seed only on the sweep seed and the id: not on the file, the
 * group, the position, the way the spec is written, or the order of expansion.
 */
class TrialIdentityAcrossFilesTest {

  private static final String FIRST =
      """
      sweep: first
      seed: 11
      output: out
      common:
        dataset: shapeset
        depth: 2
        width: 8
        activation: [tanh, softsign]
        init: [standard, normalized]
        learning_rate: [0.1, 0.01]
        updates: 100
      groups:
        - name: grid
      """;

  // The same specs written differently: other names, hidden_widths for depth x width, the lists reversed and
  // split over two groups, an explicit default, and keys in another order.
  private static final String SECOND_SAME_SEED =
      """
      sweep: second
      seed: 11
      output: elsewhere
      common:
        updates: 100
        learning_rate: [0.01, 0.1]
        hidden_widths: [[8, 8]]
        dataset: shapeset
        batch_size: 10
      groups:
        - name: softsign-first
          activation: softsign
          init: [normalized, standard]
        - name: then-tanh
          init: [normalized, standard]
          activation: tanh
      """;

  @Test
  void sameSpecGivesTheSameIdAndSeedInAnotherFileAndOrder() throws ConfigException {
    Map<String, Long> first = seedsById(FIRST);
    Map<String, Long> second = seedsById(SECOND_SAME_SEED);
    assertEquals(8, first.size());
    assertEquals(first, second);
  }

  @Test
  void anotherSweepSeedKeepsTheIdsButChangesEverySeed() throws ConfigException {
    Map<String, Long> first = seedsById(FIRST);
    Map<String, Long> reseeded = seedsById(FIRST.replace("seed: 11", "seed: 12"));
    assertEquals(first.keySet(), reseeded.keySet());
    first.forEach((id, seed) -> assertNotEquals(seed, reseeded.get(id)));
  }

  @Test
  void anyChangeToTheSpecChangesTheId() throws ConfigException {
    String base = idOfFirstTrial(FIRST);
    List<String> variants =
        List.of(
            FIRST.replace("updates: 100", "updates: 101"),
            FIRST.replace("width: 8", "width: 9"),
            FIRST.replace("  updates: 100", "  updates: 100\n  repeat: 1"),
            FIRST.replace("  updates: 100", "  updates: 100\n  precision: float64"),
            FIRST.replace("  updates: 100", "  updates: 100\n  monitor: {histogram_bins: 40}"),
            FIRST.replace("  updates: 100", "  updates: 100\n  data_options: {test_size: 500}"),
            FIRST.replace("  updates: 100", "  updates: 100\n  init_gain: 1.5"));
    for (String variant : variants) {
      assertNotEquals(base, idOfFirstTrial(variant), variant);
    }
  }

  @Test
  void theSameTrialIdentityIgnoresSweepNameOutputAndTimeout() throws ConfigException {
    String renamed =
        FIRST.replace("sweep: first", "sweep: renamed").replace("output: out", "output: s3a://b/x\ntimeout_seconds: 60");
    assertEquals(seedsById(FIRST), seedsById(renamed));
  }

  private static String idOfFirstTrial(String yaml) throws ConfigException {
    return trials(yaml).get(0).trialId();
  }

  private static Map<String, Long> seedsById(String yaml) throws ConfigException {
    return trials(yaml).stream().collect(Collectors.toMap(PlannedTrial::trialId, PlannedTrial::seed));
  }

  private static List<PlannedTrial> trials(String yaml) throws ConfigException {
    return SweepConfigLoader.parse(yaml, "ids.yaml", TestSweeps.SHAPESET_ONLY).trials();
  }
}
