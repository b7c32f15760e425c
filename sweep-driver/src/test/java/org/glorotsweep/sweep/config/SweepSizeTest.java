package org.glorotsweep.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glorotsweep.sweep.grid.DataShapes;
import org.glorotsweep.sweep.grid.Expander;
import org.junit.jupiter.api.Test;

/**
 * The whole sweep is capped at {@link Expander#MAX_TRIALS_PER_SWEEP} trials, counted before anything is
 * expanded, and a mistake repeated by many trials is one line with a count.
 */
class SweepSizeTest {
  private static final String FILE = "big.yaml";

  @Test
  void identicalGroupsOverTheCapAreRefusedBeforeExpansion() {
    AtomicInteger lookUps = new AtomicInteger();
    ConfigException e = errorsOf(groups(101, 100_000, false), countingShapes(lookUps));
    assertEquals(1, e.errors().size(), e::getMessage);
    ConfigError error = e.errors().get(0);
    assertEquals("groups", error.keyPath());
    assertTrue(
        error.detail().startsWith(
            "the 101 groups list 10,100,000 trials in all (largest: groups[0] 'g0' 100,000, groups[1] 'g1'"
                + " 100,000, groups[2] 'g2' 100,000, ...); at most 100,000 are allowed in one sweep"),
        error::toString);
    assertEquals(0, lookUps.get(), "no trial may be built once the sweep is over the cap");
  }

  @Test
  void distinctGroupsOverTheCapAreRefused() {
    ConfigException e = errorsOf(groups(101, 100_000, true), TestSweeps.SHAPESET_ONLY);
    assertEquals(1, e.errors().size(), e::getMessage);
    assertTrue(e.errors().get(0).detail().contains("list 10,100,000 trials in all"), e::getMessage);
  }

  @Test
  void theCapItselfIsAllowedAndOneMoreIsNot() throws ConfigException {
    String atCap = groups(2, Expander.MAX_TRIALS_PER_SWEEP / 2, true);
    assertEquals(
        Expander.MAX_TRIALS_PER_SWEEP,
        SweepConfigLoader.parse(atCap, FILE, TestSweeps.SHAPESET_ONLY).trials().size());
    ConfigException e = errorsOf(atCap + "  - name: extra\n    width: 3\n    repeats: 1\n", TestSweeps.SHAPESET_ONLY);
    assertTrue(e.errors().get(0).detail().contains("list 100,001 trials in all"), e::getMessage);
  }

  @Test
  void identicalGroupsUnderTheCapGiveOneSummarisedError() {
    ConfigException e = errorsOf(groups(101, 990, false), TestSweeps.SHAPESET_ONLY);
    assertEquals(1, e.errors().size(), () -> e.errors().size() + " errors, starting " + e.errors().get(0));
    ConfigError error = e.errors().get(0);
    assertEquals("groups[1]", error.keyPath());
    assertTrue(error.detail().startsWith("is the same trial as groups[0] (id "), error::toString);
    assertTrue(error.detail().endsWith("a sweep may list each spec only once (and 98,999 more like it)"),
        error::toString);
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aDuplicateSummaryKeepsTheOtherProblems() {
    ConfigException e =
        errorsOf(groups(3, 10, false) + "  - name: bad\n    width: 0\n", TestSweeps.SHAPESET_ONLY);
    assertEquals(2, e.errors().size(), e::getMessage);
    assertEquals(
        List.of("groups[3].width: 0 is not allowed; expected an integer >= 1", "groups[1]"),
        e.errors().stream().map(error -> error.keyPath().equals("groups[1]") ? "groups[1]" : error.toString())
            .toList());
    assertTrue(e.getMessage().endsWith("(and 19 more like it)"), e::getMessage);
  }

  /**
   * {@code count} groups of {@code repeats} trials each; with {@code distinct}, group i has width i + 1, so no
   * two groups share a trial, else every group repeats the first.
   */
  private static String groups(int count, long repeats, boolean distinct) {
    StringBuilder yaml =
        new StringBuilder(
            """
            sweep: big
            seed: 7
            output: out
            common:
              dataset: shapeset
              depth: 1
              width: 1
              activation: tanh
              init: standard
              learning_rate: 0.01
              updates: 10
            """);
    yaml.append("  repeats: ").append(repeats).append("\ngroups:\n");
    for (int g = 0; g < count; g++) {
      yaml.append("  - name: g").append(g).append('\n');
      if (distinct) {
        yaml.append("    width: ").append(g + 1).append('\n');
      }
    }
    return yaml.toString();
  }

  private static DataShapes countingShapes(AtomicInteger lookUps) {
    return spec -> {
      lookUps.incrementAndGet();
      return TestSweeps.SHAPESET_ONLY.shapeOf(spec);
    };
  }

  private static ConfigException errorsOf(String yaml, DataShapes shapes) {
    return assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(yaml, FILE, shapes));
  }
}
