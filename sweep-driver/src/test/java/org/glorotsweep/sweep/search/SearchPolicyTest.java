package org.glorotsweep.sweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rungs' arithmetic, by hand: u_k = min_updates x eta^k below T, then T; n_{k+1} = ceil(n_k / eta). */
class SearchPolicyTest {
  private static final SearchPolicy ETA3_FROM100 = new SearchPolicy(3, 100, RaceMetric.VALID_ERROR);

  @Test
  void rungsGrowByEtaUpToTheSpecsUpdates() {
    assertEquals(List.of(100L, 300L, 900L, 1000L), ETA3_FROM100.rungs(1000));
    assertEquals(List.of(100L, 300L, 900L), ETA3_FROM100.rungs(900));
    assertEquals(List.of(100L, 300L, 900L, 2700L), ETA3_FROM100.rungs(2700));
    assertEquals(List.of(100L), ETA3_FROM100.rungs(100));
    assertEquals(List.of(50L), ETA3_FROM100.rungs(50));
    // the paper's 5 million updates from 100,000 updates: 1e5, 3e5, 9e5, 2.7e6, 5e6
    assertEquals(List.of(100_000L, 300_000L, 900_000L, 2_700_000L, 5_000_000L),
        new SearchPolicy(3, 100_000, RaceMetric.VALID_ERROR).rungs(5_000_000));
    // no overflow near the largest T: 2^0 .. 2^62, then T
    List<Long> doubling = new SearchPolicy(2, 1, RaceMetric.VALID_ERROR).rungs(Long.MAX_VALUE);
    assertEquals(64, doubling.size());
    assertEquals(1L << 62, doubling.get(62));
    assertEquals(Long.MAX_VALUE, doubling.get(63));
  }

  @Test
  void eachRungKeepsTheCeilingOfOneEtaOfItsRates() {
    assertEquals(2, ETA3_FROM100.survivors(5));
    assertEquals(3, ETA3_FROM100.survivors(9));
    assertEquals(4, ETA3_FROM100.survivors(10));
    assertEquals(1, ETA3_FROM100.survivors(2));
    assertEquals(1, ETA3_FROM100.survivors(1));
  }

  @Test
  void theExpectedShareCountsEachRungsRatesAndRunsALastRateToTheEnd() {
    // 5 rates to 100 (500), 2 from 100 to 300 (400), then 1 left runs from 300 to 900 (600): 1500 of 4500
    assertEquals(1500.0 / 4500, ETA3_FROM100.expectedShare(5, 900), 1e-15);
    // 9 rates, T = 1000: 9 x 100 + 3 x 200 + 1 x 700 = 2200 of 9000
    assertEquals(2200.0 / 9000, ETA3_FROM100.expectedShare(9, 1000), 1e-15);
    // one rate: no race, the whole grid
    assertEquals(1.0, ETA3_FROM100.expectedShare(1, 900), 1e-15);
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SearchPolicy(1, 100, RaceMetric.VALID_ERROR));
    assertThrows(IllegalArgumentException.class, () -> new SearchPolicy(3, 0, RaceMetric.VALID_ERROR));
    assertEquals("successive_halving eta=3 min_updates=100 metric=valid_error", ETA3_FROM100.toString());
  }
}
