package org.glorotsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.result.CurvePoint;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.testing.Specs;
import org.junit.jupiter.api.Test;

/** End-to-end behaviour of {@link TrialRunner}: learning, determinism, precision, divergence, time-outs. */
class TrialRunnerTest {
  private static final FixedSplitDataset CLUSTERS = SeparableClusters.create(8, 3, 600, 42);
  private final TrialRunner runner = new TrialRunner(spec -> CLUSTERS);

  @Test
  void twoHiddenLayerTanhNetLearnsASeparableProblem() throws Exception {
    TrialResult result = runner.run(Specs.clusters(2, 16, 0.05, 600, Precision.FLOAT32, 1));
    assertEquals(TrialStatus.OK, result.status());
    assertEquals(600, result.updatesDone());
    // validation is the training set here: > 95% training accuracy
    assertTrue(result.lastPoint().validation().error() < 0.05, () -> "error " + result.lastPoint());
    assertTrue(result.curve().get(0).validation().error() > 0.3, "untrained nets are near chance");
  }

  @Test
  void sameSpecGivesBitwiseEqualWeightsOnAnyThreadAndAnotherSeedDoesNot() throws Exception {
    TrialSpec spec = Specs.clusters(2, 12, 0.05, 200, Precision.FLOAT32, 5);
    TrialResult first = runner.run(spec);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<TrialResult> other = pool.submit(() -> runner.run(spec.withSeed(6)));
      Future<TrialResult> again = pool.submit(() -> runner.run(spec));
      assertEquals(first.weightsSha256(), again.get().weightsSha256());
      assertEquals(first.curve(), again.get().curve());
      assertNotEquals(first.weightsSha256(), other.get().weightsSha256());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theResultSaysHowManyTestExamplesItsTestErrorsCount() throws Exception {
    TrialSpec whole = Specs.clusters(1, 8, 0.05, 20, Precision.FLOAT32, 3);
    assertEquals(600, runner.run(whole).testExamples(), "the whole test set");
    MonitorSpec m = MonitorSpec.CURVES_ONLY;
    TrialSpec head = new TrialSpec(whole.network(), whole.training(), whole.data(),
        new MonitorSpec(m.enabled(), m.monitorExamples(), m.logPoints(), m.interval(), m.jacobianExamples(),
            m.jacobianEvery(), 250, m.histogramBins()), whole.seed());
    TrialResult subset = runner.run(head);
    assertEquals(250, subset.testExamples(), "monitor.evaluation_examples of it");
    // every test error is a count of mistakes among those 250
    for (CurvePoint p : subset.curve()) {
      double mistakes = p.test().error() * 250;
      assertEquals(Math.rint(mistakes), mistakes, 1e-9, () -> "update " + p.update());
    }
  }

  @Test
  void float32AgreesWithTheFloat64ReferenceAfter100Steps() throws Exception {
    TrialResult single = runner.run(Specs.clusters(2, 32, 0.05, 100, Precision.FLOAT32, 9));
    TrialResult reference = runner.run(Specs.clusters(2, 32, 0.05, 100, Precision.FLOAT64, 9));
    CurvePoint a = single.lastPoint();
    CurvePoint b = reference.lastPoint();
    assertEquals(100, a.update());
    double cost = b.trainingCost().orElseThrow();
    assertEquals(cost, a.trainingCost().orElseThrow(), 1e-4 * cost);
    assertEquals(b.validation().nll(), a.validation().nll(), 1e-4 * b.validation().nll());
    assertNotEquals(single.weightsSha256(), reference.weightsSha256());
  }

  @Test
  void hugeLearningRateDivergesAsAResult() throws Exception {
    TrialResult result = runner.run(Specs.clusters(Activation.IDENTITY, 3, 16, 1e3, 500, Precision.FLOAT32, 2));
    assertEquals(TrialStatus.DIVERGED, result.status());
    long at = result.divergedAtUpdate().orElseThrow();
    assertTrue(at >= 1 && at <= 500, () -> "diverged at " + at);
    assertEquals(at - 1, result.updatesDone());
  }

  @Test
  void timeLimitStopsTheTrial() throws Exception {
    TrialResult result =
        runner.run(Specs.clusters(1, 8, 0.01, 10_000_000, Precision.FLOAT32, 3), Duration.ofMillis(200));
    assertEquals(TrialStatus.TIMEOUT, result.status());
    assertTrue(result.updatesDone() > 0 && result.updatesDone() < 10_000_000);
    assertEquals(result.updatesDone(), result.lastPoint().update(), "the curve ends where training stopped");
    assertEquals(OptionalLong.empty(), result.divergedAtUpdate());
  }

  @Test
  void interruptingTheThreadCancelsTheTrial() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        runner.run(Specs.clusters(1, 8, 0.01, 100_000_000, Precision.FLOAT32, 3));
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    thread.start();
    Thread.sleep(200);
    thread.interrupt();
    thread.join(30_000);
    assertFalse(thread.isAlive(), "the interrupted trial did not stop");
    assertInstanceOf(CancellationException.class, thrown.get());
  }

  @Test
  void curvesFollowTheSchedule() throws Exception {
    TrialResult result = runner.run(Specs.clusters(1, 8, 0.01, 1000, Precision.FLOAT64, 4));
    List<Long> updates = result.curve().stream().map(CurvePoint::update).toList();
    // log-spaced in the first 1% (1..10), then every 1000/50 = 20, and the end
    // round(10^(k/10)) for k = 1..10 gives 1, 2, 2, 3, 3, 4, 5, 6, 8, 10
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 8L, 10L, 20L, 40L), updates.subList(0, 11));
    assertEquals(1000L, updates.get(updates.size() - 1));
    assertTrue(result.curve().get(0).trainingCost().isEmpty(), "no training cost before training");
    assertTrue(result.curve().get(1).trainingCost().orElseThrow() > 0);
  }

  @Test
  void provenanceNamesKernelDataAndBuild() throws Exception {
    TrialResult result = runner.run(Specs.clusters(0, 1, 0.01, 10, Precision.FLOAT32, 4));
    assertEquals(KernelChoice.float32().matMul().name(), result.provenance().kernel());
    assertEquals("test-only", result.provenance().dataFingerprint());
    assertEquals(System.getProperty("java.version"), result.provenance().javaVersion());
    assertTrue(result.provenance().projectVersion().matches("\\d+\\.\\d+\\.\\d+.*"));
  }

  @Test
  void dataSetOfAnotherShapeIsRejected() {
    TrialRunner mismatched = new TrialRunner(spec -> SeparableClusters.create(5, 3, 10, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> mismatched.run(Specs.clusters(1, 4, 0.1, 10, Precision.FLOAT32, 1)));
    assertTrue(e.getMessage().contains("has 5 inputs and 3 classes, but network.input_size is 8"));
  }
}
