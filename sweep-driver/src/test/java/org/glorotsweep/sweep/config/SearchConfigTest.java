package org.glorotsweep.sweep.config;

import static org.glorotsweep.sweep.config.TestSweeps.SHAPESET_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.glorotsweep.sweep.search.RaceMetric;
import org.glorotsweep.sweep.search.SearchPolicy;
import org.junit.jupiter.api.Test;

/**
 * A group's {@code search}: read with its defaults, and every problem reported at its key path with what is
 * allowed, including rungs that miss the trials' measurement points, min_updates not below the updates, and a
 * model with a single learning rate.
 */
class SearchConfigTest {
  /** Three learning rates, 900 updates measured every 100: rungs 100, 300, 900 with eta 3. */
  private static final String RACE = "    learning_rate: [0.1, 0.03, 0.01]\n    updates: 900\n"
      + "    monitor: {interval: 100}\n";

  @Test
  void aSearchIsReadWithItsDefaults() throws Exception {
    SweepConfig sweep = load(RACE + "    search: {min_updates: 100}\n");
    assertEquals(Map.of("g0", new SearchPolicy(3, 100, RaceMetric.VALID_ERROR)), sweep.searches());
    assertEquals(3, sweep.trials().size());
    SweepConfig explicit = load(RACE + "    search: {strategy: successive_halving, over: [learning_rate], eta: 2,"
        + " min_updates: 100, metric: best_valid_error}\n");
    assertEquals(new SearchPolicy(2, 100, RaceMetric.BEST_VALID_ERROR), explicit.searches().get("g0"));
    assertEquals(Map.of(), explicit.withoutSearches().searches());
    assertEquals(Map.of(), load("").searches(), "a grid has no search");
  }

  @Test
  void badValuesAreReportedAtTheirKeyPath() {
    ConfigException e = errorsOf(RACE + "    search: {strategy: asha, over: [width], eta: 1, metric: loss,"
        + " patience: 3}\n");
    assertError(e, "groups[0].search.strategy", "'asha' is not allowed; expected successive_halving");
    assertError(e, "groups[0].search.over", "expected [learning_rate]");
    assertError(e, "groups[0].search.eta", "1 is not allowed; expected an integer >= 2");
    assertError(e, "groups[0].search.metric", "'loss' is not allowed; expected valid_error or best_valid_error");
    assertError(e, "groups[0].search.patience", "not a known key");
    assertError(e, "groups[0].search.min_updates", "is missing");
    assertError(errorsOf(RACE + "    search: 3\n"), "groups[0].search", "expected a map of min_updates");
  }

  @Test
  void rungsMustBeMeasurementPoints() {
    assertError(errorsOf(RACE + "    search: {min_updates: 150}\n"), "groups[0].search.min_updates",
        "rung 150 (min_updates 150 x eta 3^k) is not a measurement point of trial");
    // eta 4 from 100: rung 400 is a point, but 1600 is beyond T: rungs 100, 400, 900
    assertEquals(new SearchPolicy(4, 100, RaceMetric.VALID_ERROR),
        assertLoads(RACE + "    search: {min_updates: 100, eta: 4}\n").searches().get("g0"));
  }

  @Test
  void aRaceNeedsUpdatesBeyondItsFirstRungAndTwoLearningRates() {
    assertError(errorsOf(RACE + "    search: {min_updates: 900}\n"), "groups[0].search.min_updates",
        "900 is not below the 900 updates of trial");
    assertError(errorsOf("    updates: 900\n    monitor: {interval: 100}\n    search: {min_updates: 100}\n"),
        "groups[0].search", "has only learning rate 0.01; expected a list of at least 2 learning rates");
  }

  private static SweepConfig assertLoads(String groupLines) {
    try {
      return load(groupLines);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static SweepConfig load(String groupLines) throws ConfigException {
    return SweepConfigLoader.parse(TestSweeps.withGroupLines(groupLines), "sweep.yaml", SHAPESET_ONLY);
  }

  private static ConfigException errorsOf(String groupLines) {
    return assertThrows(ConfigException.class, () -> load(groupLines));
  }

  private static void assertError(ConfigException e, String keyPath, String fragment) {
    assertTrue(
        e.errors().stream().anyMatch(x -> x.keyPath().equals(keyPath) && x.detail().contains(fragment)),
        () -> "no error at '" + keyPath + "' containing '" + fragment + "' in:\n" + e.getMessage());
  }
}
