package org.glorotsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.junit.jupiter.api.Test;

/**
 * A few hundred SGD steps on the real Fashion-MNIST files of Debian's {@code dataset-fashion-mnist} package
 * (installed by {@code .ci/run}): the catalogue, the IDX readers and the trainer together.
 */
class FashionMnistTrainingTest {
  private static final Path DEBIAN_FILES = Path.of("/usr/share/datasets/fashion-mnist");

  @Test
  void aTanhNetLearnsFashionMnistInAFewHundredSteps() throws Exception {
    assumeTrue(Files.isDirectory(DEBIAN_FILES),
        "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist");
    TrialSpec spec = new TrialSpec(
        NetworkSpec.uniform(784, 1, 100, 10, Activation.TANH, Initializer.NORMALIZED),
        new TrainingSpec(Cost.NLL, 10, 0.1, 400, Precision.FLOAT32),
        new DataSpec("fashion-mnist", new TreeMap<>()),
        new MonitorSpec(false, 300, 0, 400, 0, 1, 2000, 10),
        11);
    TrialResult result = new TrialRunner(DatasetCatalog.local()).run(spec);
    assertEquals(TrialStatus.OK, result.status());
    assertTrue(result.curve().get(0).test().error() > 0.8, "an untrained net is near chance (90%)");
    assertTrue(result.lastPoint().test().error() < 0.35,
        () -> "test error after 400 updates: " + result.lastPoint().test().error());
  }
}
