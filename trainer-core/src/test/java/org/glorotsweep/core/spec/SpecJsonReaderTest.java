package org.glorotsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.junit.jupiter.api.Test;

/** A spec's canonical JSON reads back as the same spec, so a committed trial can run again from its text. */
class SpecJsonReaderTest {

  private static TrialSpec spec(List<Integer> widths, double rate, TreeMap<String, String> options, long seed) {
    return new TrialSpec(
        new NetworkSpec(784, widths, 10, Activation.SOFTSIGN, Initializer.NORMALIZED, 0.75),
        new TrainingSpec(Cost.QUADRATIC, 7, rate, 123_456_789_012L, Precision.FLOAT64),
        new DataSpec("idx", options),
        new MonitorSpec(false, 300, 3, 1000, 0, 4, 500, 25),
        seed);
  }

  @Test
  void specsReadBackEqual() {
    TreeMap<String, String> options = new TreeMap<>();
    options.put("path", "/data/with \"quotes\" and \\ and \u0001");
    options.put("classes", "10");
    for (TrialSpec spec : List.of(
        spec(List.of(1000, 500, 3), 0.01, options, -8_123_456_789_012_345_678L),
        spec(List.of(), 1.0e-4, new TreeMap<>(), 0),
        spec(List.of(64), 6.3396916254839368E16, new TreeMap<>(), Long.MIN_VALUE))) {
      TrialSpec read = TrialSpec.fromJson(spec.toJson());
      assertEquals(spec, read);
      assertEquals(spec.toJson(), read.toJson());
    }
  }

  @Test
  void aTextThatIsNoSpecIsRefusedNamingTheKey() {
    String json = spec(List.of(8), 0.1, new TreeMap<>(), 1).toJson();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> TrialSpec.fromJson(json.replace("\"batch_size\":7,", "")));
    assertTrue(missing.getMessage().contains("batch_size"), missing::getMessage);
    IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
        () -> TrialSpec.fromJson(json + "x"));
    assertTrue(trailing.getMessage().contains("offset " + json.length()), trailing::getMessage);
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> TrialSpec.fromJson(json.replace("\"enabled\":false", "\"enabled\":\"no\"")));
    assertTrue(kind.getMessage().contains("monitor.enabled"), kind::getMessage);
  }
}
