package org.glorotsweep.core.testing;

import java.util.Arrays;

/** Wall-clock timing for the hand-run benchmark mains (never for tests): medians of repeated samples. */
public final class Timing {
  private Timing() {}

  /**
   * The median over {@code samples} samples of the mean time of {@code calls} runs of {@code task}, in
   * seconds, after one warm-up run.
   */
  public static double median(int samples, int calls, Runnable task) {
    double[] seconds = new double[samples];
    task.run();
    for (int s = 0; s < samples; s++) {
      long start = System.nanoTime();
      for (int c = 0; c < calls; c++) {
        task.run();
      }
      seconds[s] = (System.nanoTime() - start) / 1e9 / calls;
    }
    Arrays.sort(seconds);
    return seconds[samples / 2];
  }
}
