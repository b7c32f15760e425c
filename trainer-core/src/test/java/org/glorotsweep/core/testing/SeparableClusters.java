package org.glorotsweep.core.testing;

import java.util.SplittableRandom;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.data.TrainingStream;

/**
 * A small separable problem for tests: K Gaussian clusters (std 0.3) around random centres of norm 3 in d
 * dimensions. Training draws examples from a fixed training set uniformly with replacement, using the trial's
 * data-order stream; validation is the training set itself, so its error is the training error.
 */
public final class SeparableClusters implements Dataset {
  private final LabeledSet training;
  private final LabeledSet test;

  /** The problem with {@code size} training and test examples each, drawn from {@code seed}. */
  public SeparableClusters(int inputSize, int classes, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centres = new double[classes][inputSize];
    for (double[] centre : centres) {
      double norm = 0;
      for (int j = 0; j < inputSize; j++) {
        centre[j] = random.nextGaussian();
        norm += centre[j] * centre[j];
      }
      for (int j = 0; j < inputSize; j++) {
        centre[j] *= 3.0 / Math.sqrt(norm);
      }
    }
    training = sample(centres, size, random);
    test = sample(centres, size, random);
  }

  private static LabeledSet sample(double[][] centres, int size, SplittableRandom random) {
    int inputSize = centres[0].length;
    float[] features = new float[size * inputSize];
    int[] labels = new int[size];
    for (int n = 0; n < size; n++) {
      labels[n] = random.nextInt(centres.length);
      for (int j = 0; j < inputSize; j++) {
        features[n * inputSize + j] = (float) (centres[labels[n]][j] + 0.3 * random.nextGaussian());
      }
    }
    return new LabeledSet(features, labels, inputSize, centres.length);
  }

  @Override
  public String name() {
    return "separable-clusters";
  }

  @Override
  public int inputSize() {
    return training.inputSize();
  }

  @Override
  public int classes() {
    return training.classes();
  }

  @Override
  public String fingerprint() {
    return "test-only";
  }

  @Override
  public TrainingStream trainingStream(SplittableRandom dataOrder) {
    return (maxRows, features, labels) -> {
      for (int r = 0; r < maxRows; r++) {
        training.copyRow(dataOrder.nextInt(training.size()), features, labels, r);
      }
      return maxRows;
    };
  }

  @Override
  public LabeledSet validation() {
    return training;
  }

  @Override
  public LabeledSet test() {
    return test;
  }
}
