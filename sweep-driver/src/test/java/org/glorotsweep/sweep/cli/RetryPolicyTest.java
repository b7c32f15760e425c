package org.glorotsweep.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The retry policy fills in what the submitter left unset, and never overrides what they set. */
class RetryPolicyTest {

  @Test
  void anUnsetMaxFailuresBecomesHighAndExclusionStaysOff() {
    assertEquals(
        Map.of("spark.task.maxFailures", "32", "spark.excludeOnFailure.enabled", "false"),
        RetryPolicy.defaultsMissingFrom(new SparkConf(false)));
  }

  @Test
  void theSubmittersSettingsWin() {
    SparkConf given = new SparkConf(false)
        .set("spark.task.maxFailures", "4")
        .set("spark.excludeOnFailure.enabled", "true");
    assertEquals(Map.of(), RetryPolicy.defaultsMissingFrom(given));
  }
}
