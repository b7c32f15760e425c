package org.glorotsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.testing.Specs;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.junit.jupiter.api.Test;

/**
 * The cost formula of {@link TrialCosts} against its schedule, and what {@link TrialCostProbe} measures (its
 * parts, not their size: timings are not asserted).
 */
class TrialCostsTest {
  private static final FixedSplitDataset CLUSTERS = SeparableClusters.create(8, 3, 600, 42);

  @Test
  void aTrialCostsItsUpdatesAndItsPoints() {
    TrialSpec spec = withMonitor(Specs.clusters(3, 16, 0.05, 5_000_000, Precision.FLOAT32, 1), MonitorSpec.DEFAULT);
    TrialCosts costs = new TrialCosts(1, 0.01, 0.1, 0.2, 0.5, 3);
    // 61 points (0, 10 log-spaced, 49 regular, T), 6 of them with Jacobians
    assertEquals(61 * 0.3 + 6 * 0.5, costs.monitoringSecondsOf(spec), 1e-9);
    assertEquals(1 + 5_000_000 * 0.01 + 61 * 0.3 + 6 * 0.5, costs.secondsOf(spec), 1e-6);
  }

  @Test
  void zeroUpdatesCostTheInitialisationPointOnly() {
    TrialSpec spec = withMonitor(Specs.clusters(3, 16, 0.05, 0, Precision.FLOAT32, 1), MonitorSpec.DEFAULT);
    assertEquals(1 + 0.3 + 0.5, new TrialCosts(1, 0.01, 0.1, 0.2, 0.5, 3).secondsOf(spec), 1e-12);
  }

  @Test
  void costsAreFiniteSecondsAtLeastZero() {
    assertThrows(IllegalArgumentException.class, () -> new TrialCosts(0, -1e-9, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TrialCosts(0, 0, Double.NaN, 0, 0, 0));
  }

  @Test
  void theProbeTimesEveryPartTheSpecHas() throws Exception {
    TrialCostProbe probe = new TrialCostProbe(spec -> CLUSTERS, 1);
    MonitorSpec jacobians = new MonitorSpec(true, 50, 10, 0, 5, 10, 0, 20);
    TrialCosts monitored = probe.measure(withMonitor(Specs.clusters(3, 16, 0.05, 100, Precision.FLOAT32, 1), jacobians));
    assertTrue(monitored.update() > 0 && monitored.evaluation() > 0 && monitored.monitor() > 0, monitored::toString);
    TrialCosts curvesOnly = probe.measure(Specs.clusters(3, 16, 0.05, 100, Precision.FLOAT64, 1));
    assertTrue(curvesOnly.update() > 0 && curvesOnly.evaluation() > 0, curvesOnly::toString);
    assertEquals(0, curvesOnly.monitor());
    assertEquals(0, curvesOnly.jacobian());
  }

  @Test
  void theColdPassesRunOnAsManyThreadsAsTrialsStartTogether() throws Exception {
    TrialSpec spec = Specs.clusters(3, 16, 0.05, 100, Precision.FLOAT32, 1);
    for (int together : new int[] {1, 3}) {
      ThreadRecordingDataset dataset = new ThreadRecordingDataset();
      new TrialCostProbe(shape -> dataset, together).measure(spec);
      Set<Thread> coldPasses = new HashSet<>(dataset.threads);
      coldPasses.remove(Thread.currentThread());
      assertEquals(together == 1 ? 0 : together, coldPasses.size(), "threads besides the caller's");
      assertTrue(dataset.threads.contains(Thread.currentThread()), "the warm pass runs on the caller's thread");
    }
    assertThrows(IllegalArgumentException.class, () -> new TrialCostProbe(shape -> CLUSTERS, 0));
  }

  @Test
  void aSmallNetworksWarmUpTrialIsAWholeDefaultMonitoredTrial() {
    for (long updates : new long[] {0, 50, 5_000_000}) {
      TrialSpec spec = withMonitor(Specs.clusters(3, 16, 0.05, updates, Precision.FLOAT32, 1), MonitorSpec.DEFAULT);
      TrialSpec warmUp = TrialCostProbe.warmUpTrial(spec);
      MeasurementSchedule schedule = MeasurementSchedule.of(warmUp.monitor(), warmUp.training().updates());
      assertEquals(TrialCostProbe.MAX_WARM_UP_UPDATES, warmUp.training().updates());
      assertEquals(60, schedule.points().length, "0, 9 log-spaced, 49 every 40 updates, 2000");
      assertEquals(6, schedule.jacobianPointCount(), "0, every 10th regular point, 2000");
      assertEquals(1, warmUp.monitor().jacobianExamples());
      assertEquals(MonitorSpec.DEFAULT.monitorExamples(), warmUp.monitor().monitorExamples());
      assertEquals(TrialCostProbe.MAX_WARM_UP_EXAMPLES, warmUp.monitor().evaluationExamples(), "all, capped");
      assertEquals(spec.network(), warmUp.network());
    }
  }

  @Test
  void aPaperSizeNetworksWarmUpTrialStaysWithinItsFlops() {
    TrialSpec small = withMonitor(Specs.clusters(3, 16, 0.05, 0, Precision.FLOAT32, 1), MonitorSpec.DEFAULT);
    NetworkSpec paper = NetworkSpec.uniform(1024, 5, 1000, 10, Activation.TANH, Initializer.NORMALIZED);
    TrialSpec spec = new TrialSpec(paper, small.training(), small.data(), MonitorSpec.DEFAULT, 1);
    TrialSpec warmUp = TrialCostProbe.warmUpTrial(spec);
    long updates = warmUp.training().updates();
    double parameters = paper.parameterCount();
    assertTrue(updates >= TrialCostProbe.MIN_WARM_UP_UPDATES && updates < 100, "updates " + updates);
    assertTrue(6 * parameters * 10 * updates <= TrialCostProbe.WARM_UP_UPDATE_FLOPS, "updates " + updates);
    int points = MeasurementSchedule.of(warmUp.monitor(), updates).points().length;
    int examples = warmUp.monitor().evaluationExamples();
    assertEquals(examples, warmUp.monitor().monitorExamples());
    assertTrue(examples >= TrialCostProbe.MIN_WARM_UP_EXAMPLES && examples < 100, "examples " + examples);
    assertTrue(4 * parameters * examples * points <= TrialCostProbe.WARM_UP_EVALUATION_FLOPS,
        examples + " examples at " + points + " points");
  }

  /** {@link #CLUSTERS}, noting each thread that asks it for training examples. */
  private static final class ThreadRecordingDataset implements Dataset {
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
      return CLUSTERS.name();
    }

    @Override
    public int inputSize() {
      return CLUSTERS.inputSize();
    }

    @Override
    public int classes() {
      return CLUSTERS.classes();
    }

    @Override
    public String fingerprint() {
      return CLUSTERS.fingerprint();
    }

    @Override
    public TrainingStream trainingStream(SplittableRandom dataOrder) {
      threads.add(Thread.currentThread());
      return CLUSTERS.trainingStream(dataOrder);
    }

    @Override
    public LabeledSet validation() {
      return CLUSTERS.validation();
    }

    @Override
    public LabeledSet test() {
      return CLUSTERS.test();
    }
  }

  private static TrialSpec withMonitor(TrialSpec spec, MonitorSpec monitor) {
    return new TrialSpec(spec.network(), spec.training(), spec.data(), monitor, spec.seed());
  }
}
