package org.glorotsweep.core.bench;

import java.io.IOException;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * One real trial to profile: the paper's 1024-(depth x width)-9 network on online Shapeset-3x2 through
 * {@link TrialRunner}, with the data generated as a sweep generates it, the per-layer monitors off and the
 * learning curves on 1,000 validation and test examples at the start and the end only: a short trial's
 * profile is then not dominated by monitoring, whose cost grows with its points, not with the updates
 * ({@code MonitorOverheadBench} measures it for a whole trial). Run under JFR by {@code
 * bench/profile.sh}; prints the trial's status and wall time.
 *
 * <p>Arguments: {@code precision activation depth width updates}, e.g. {@code float32 tanh 5 1000 3000}.
 */
public final class ShapesetTrialProfile {
  private static final int INPUTS = 1024;
  private static final int CLASSES = 9;
  private static final double LEARNING_RATE = 0.01;
  private static final long SEED = 2010;

  private ShapesetTrialProfile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException("arguments: precision activation depth width updates");
    }
    long updates = Long.parseLong(args[4]);
    TrialSpec spec =
        new TrialSpec(
            NetworkSpec.uniform(INPUTS, Integer.parseInt(args[2]), Integer.parseInt(args[3]), CLASSES,
                Activation.fromConfigName(args[1]), Initializer.NORMALIZED),
            new TrainingSpec(Cost.NLL, 10, LEARNING_RATE, updates, Precision.fromConfigName(args[0])),
            DataSpec.named("shapeset"),
            new MonitorSpec(false, 300, 0, updates, 0, 1, 1000, 50),
            SEED);
    TrialResult result = new TrialRunner(DatasetCatalog.local()).run(spec);
    System.out.println(result.status() + " in " + result.wallTime().toMillis() / 1000.0 + " s");
  }
}
