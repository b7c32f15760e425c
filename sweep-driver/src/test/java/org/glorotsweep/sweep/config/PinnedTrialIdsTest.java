package org.glorotsweep.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.junit.jupiter.api.Test;

/**
 * Trial ids are pinned: the smoke sweep's ids, as Java 17's {@code Double.toString} made them before the
 * canonical JSON got a double formatting of its own, must come out the same on every Java version. The build
 * runs this on Java 17; with {@code JAVA_HOME} at a Java 25 JDK, {@code mvn -o -pl trainer-core,sweep-driver
 * verify -Dtest=PinnedTrialIdsTest -DskipITs} runs it there. Ids that change would make every committed trial
 * look new to {@code run}.
 */
class PinnedTrialIdsTest {

  @Test
  void theSmokeSweepsIdsAreThoseOfJava17() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("tanh-softsign/0", "b324ddc72bb52cdfe1b22ff42d98b04f");
    expected.put("tanh-softsign/1", "c88e0ef8c87cfb29e3ff773f7c3d2354");
    expected.put("tanh-softsign/2", "94c7c78010906f1f7cc9b9c6bfcfc473");
    expected.put("tanh-softsign/3", "6ff4e56dd8713ee0291b46f13c9679f7");
    expected.put("sigmoid/4", "41b4d276f386c193c8324f08c8e5eaeb");
    SweepConfig smoke = SweepConfigLoader.load(Path.of("../conf/smoke.yaml"), HadoopDataShapes.of(new Configuration()));
    Map<String, String> actual = new LinkedHashMap<>();
    int i = 0;
    for (PlannedTrial trial : smoke.trials()) {
      actual.put(trial.group() + "/" + i++, trial.trialId());
    }
    assertEquals(expected, actual);
  }
}
