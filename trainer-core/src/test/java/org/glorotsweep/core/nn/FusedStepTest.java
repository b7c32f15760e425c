package org.glorotsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.TrainingStream;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.testing.SeparableClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Propagation#backwardAndUpdate} is the step of {@link Propagation#backward()} then
 * {@link Propagation#update}, and training with it on the fast float32 and float64 kernels (vectorised
 * activations included: tanh, sigmoid, softsign) follows the float64 EJML reference (as TrialRunnerTest's
 * float32 test does for the trainer).
 */
class FusedStepTest {
  private static final FixedSplitDataset CLUSTERS = SeparableClusters.create(8, 3, 600, 42);
  private static final int BATCH = 10;

  @Test
  void fusedStepMatchesBackwardThenUpdateInFloat64() {
    NetworkSpec spec = NetworkSpec.uniform(8, 3, 37, 3, Activation.TANH, Initializer.NORMALIZED);
    for (Kernels<DMatrixRMaj> kernels : java.util.List.of(KernelChoice.ejmlFloat64(), KernelChoice.float64())) {
      Run<DMatrixRMaj> fused = new Run<>(spec, kernels, 7);
      Run<DMatrixRMaj> separate = new Run<>(spec, kernels, 7);
      fused.train(30, 0.1, true);
      separate.train(30, 0.1, false);
      for (int i = 0; i < spec.layerCount(); i++) {
        assertEqualsRelative(separate.network.weight(i), fused.network.weight(i), 1e-12, kernels + " W" + i);
        assertEqualsRelative(separate.network.bias(i), fused.network.bias(i), 1e-12, kernels + " b" + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"TANH", "SIGMOID", "SOFTSIGN"})
  void fastFloat32AgreesWithTheEjmlFloat64ReferenceAfter100Steps(Activation f) {
    assertFastKernelsAgree(f, KernelChoice.float32(), 1e-4);
  }

  @ParameterizedTest
  @EnumSource(names = {"TANH", "SIGMOID", "SOFTSIGN"})
  void fastFloat64AgreesWithTheEjmlFloat64ReferenceAfter100Steps(Activation f) {
    assertFastKernelsAgree(f, KernelChoice.float64(), 1e-10);
  }

  /** 100 fused steps on {@code fast} against the unfused EJML float64 reference: costs within a relative tolerance. */
  private static void assertFastKernelsAgree(Activation f, Kernels<?> fast, double tolerance) {
    NetworkSpec spec = NetworkSpec.uniform(8, 2, 32, 3, f, Initializer.NORMALIZED);
    double learningRate = f == Activation.SIGMOID ? 0.5 : 0.05;
    Run<?> trained = new Run<>(spec, fast, 9);
    Run<DMatrixRMaj> reference = new Run<>(spec, KernelChoice.ejmlFloat64(), 9);
    double fastCost = trained.train(100, learningRate, true);
    double referenceCost = reference.train(100, learningRate, false);
    assertEquals(referenceCost, fastCost, tolerance * referenceCost);
    double fastNll = trained.validationNll();
    double referenceNll = reference.validationNll();
    assertEquals(referenceNll, fastNll, tolerance * referenceNll);
    assertTrue(referenceNll < 0.5 * Math.log(3), "the reference learned: nll " + referenceNll);
    assertNotEquals(trained.network.sha256(), reference.network.sha256());
  }

  private static void assertEqualsRelative(DMatrixRMaj expected, DMatrixRMaj actual, double tolerance,
      String what) {
    for (int k = 0; k < expected.getNumElements(); k++) {
      double scale = Math.max(Math.abs(expected.data[k]), 1e-3);
      assertEquals(expected.data[k], actual.data[k], tolerance * scale, what + "[" + k + "]");
    }
  }

  /** One network trained on the cluster problem from a fixed data order. */
  private static final class Run<M extends ReshapeMatrix> {
    final Network<M> network;
    final Propagation<M> propagation;
    final TrainingStream stream;
    final float[] features = new float[BATCH * 8];
    final int[] labels = new int[BATCH];

    Run(NetworkSpec spec, Kernels<M> kernels, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      network = Network.initialize(spec, kernels, random);
      propagation = new Propagation<>(network, new Workspace<>(spec, kernels, BATCH));
      stream = CLUSTERS.trainingStream(random.split());
    }

    /** Trains {@code steps} SGD steps; the mean training cost over them. */
    double train(int steps, double learningRate, boolean fused) {
      double total = 0;
      for (int step = 0; step < steps; step++) {
        int rows = stream.nextBatch(BATCH, features, labels);
        propagation.forward(features, rows);
        total += propagation.cost(Cost.NLL, labels) / rows;
        if (fused) {
          propagation.backwardAndUpdate(learningRate);
        } else {
          propagation.backward();
          propagation.update(learningRate);
        }
      }
      return total / steps;
    }

    double validationNll() {
      LabeledSet set = CLUSTERS.validation();
      double total = 0;
      for (int first = 0; first < set.size(); first += BATCH) {
        int rows = Math.min(BATCH, set.size() - first);
        set.copyRows(first, rows, features, labels);
        propagation.forward(features, rows);
        total += propagation.cost(Cost.NLL, labels);
      }
      return total / set.size();
    }
  }
}
