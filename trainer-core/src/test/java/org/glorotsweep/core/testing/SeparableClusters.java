package org.glorotsweep.core.testing;

import java.util.SplittableRandom;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.data.LabeledSet;

/**
 * A small separable problem for tests: K Gaussian clusters (std 0.3) around random centres of norm 3 in d
 * dimensions. Training cycles a fixed training set in shuffled epochs; validation is the training set itself,
 * so its error is the training error.
 */
public final class SeparableClusters {
  private SeparableClusters() {}

  /** The problem with {@code size} training and test examples each, drawn from {@code seed}. */
  public static FixedSplitDataset create(int inputSize, int classes, int size, long seed) {
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
    LabeledSet training = sample(centres, size, random);
    LabeledSet test = sample(centres, size, random);
    return new FixedSplitDataset("separable-clusters", "test-only", training, training, test);
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
}
