package org.glorotsweep.sweep.config;

import static org.glorotsweep.sweep.config.TestSweeps.SHAPESET_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.glorotsweep.core.train.CheckpointInterval;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.junit.jupiter.api.Test;

/**
 * {@code checkpoint_every}: updates and/or minutes, or off; errors name the key path; the default checkpoints
 * every 30 minutes only the trials of a relative cost of about 5 minutes or more.
 */
class CheckpointEveryTest {
  private static final String VALID = TestSweeps.withGroupLines("");

  @Test
  void updatesAndMinutesAreReadAsOneInterval() throws Exception {
    assertEquals(new CheckpointInterval(100_000, Duration.ofMinutes(30)),
        intervalOf("checkpoint_every: {updates: 100000, minutes: 30}"));
    assertEquals(new CheckpointInterval(500, Duration.ZERO), intervalOf("checkpoint_every: {updates: 500}"));
    assertEquals(new CheckpointInterval(0, Duration.ofSeconds(30)), intervalOf("checkpoint_every: {minutes: 0.5}"));
    assertEquals(CheckpointInterval.NEVER, intervalOf("checkpoint_every: off"));
  }

  @Test
  void badValuesAreReportedAtTheirKeyPath() {
    ConfigException e = errorsOf("checkpoint_every: {updates: 0, minutes: -1, hours: 2}");
    assertError(e, "checkpoint_every.updates", "0 is not allowed; expected a number of updates >= 1");
    assertError(e, "checkpoint_every.minutes", "-1.0 is not allowed; expected a number of minutes > 0");
    assertError(e, "checkpoint_every.hours", "not a known key");
    assertError(errorsOf("checkpoint_every: {}"), "checkpoint_every", "sets no interval");
    assertError(errorsOf("checkpoint_every: 30"), "checkpoint_every", "expected off, or a map of updates");
  }

  @Test
  void byDefaultOnlyTrialsOfFiveMinutesOrMoreCheckpointEveryThirtyMinutes() throws Exception {
    PlannedTrial small = load(VALID).trials().get(0);
    assertEquals(CheckpointInterval.NEVER, CheckpointPolicy.DEFAULT.intervalFor(small));
    // 5x1000 on Shapeset, 5 million updates of 10: the paper's trial, 2.5e14 against the 2.5e11 of 5 minutes
    String paper = VALID.replace("depth: 2", "depth: 5").replace("width: 8", "width: 1000")
        .replace("updates: 100", "updates: 5000000");
    PlannedTrial large = load(paper).trials().get(0);
    assertEquals(new CheckpointInterval(0, Duration.ofMinutes(30)), CheckpointPolicy.DEFAULT.intervalFor(large));
  }

  private static CheckpointInterval intervalOf(String line) throws ConfigException {
    SweepConfig sweep = load(VALID.replace("output: out", "output: out\n" + line));
    return sweep.checkpoints().intervalFor(sweep.trials().get(0));
  }

  private static SweepConfig load(String yaml) throws ConfigException {
    return SweepConfigLoader.parse(yaml, "sweep.yaml", SHAPESET_ONLY);
  }

  private static ConfigException errorsOf(String line) {
    return assertThrows(ConfigException.class, () -> load(VALID.replace("output: out", "output: out\n" + line)));
  }

  private static void assertError(ConfigException e, String keyPath, String fragment) {
    assertTrue(
        e.errors().stream().anyMatch(x -> x.keyPath().equals(keyPath) && x.detail().contains(fragment)),
        () -> "no error at '" + keyPath + "' containing '" + fragment + "' in:\n" + e.getMessage());
  }
}
