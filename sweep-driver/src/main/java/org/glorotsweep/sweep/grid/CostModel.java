package org.glorotsweep.sweep.grid;

import org.glorotsweep.core.spec.TrialSpec;

/**
 * A rough estimate of what a trial costs, to run the longest trials first and to quote core-hours before a
 * sweep starts. It is an estimate, not a measurement: it ignores data generation, monitoring and evaluation.
 *
 * <p>relative cost = updates x batch size x P, with P the network's parameter count. One example costs about
 * {@value #FLOPS_PER_PARAMETER_PER_EXAMPLE} flops per parameter (a multiply-add each in the forward pass, the
 * backward pass and the weight gradient), so a paper-sized step (5x1000 on Shapeset, P = 5.04 million, batch
 * 10) is about 0.3 GFLOP. Core-hours assume one core sustains {@value #ASSUMED_FLOPS_PER_CORE_SECOND} flop/s.
 */
public final class CostModel {
  /** Flops per parameter per training example: 2 forward, 2 backward, 2 for the weight gradient. */
  public static final double FLOPS_PER_PARAMETER_PER_EXAMPLE = 6;

  /** The throughput one single-threaded trial is assumed to sustain, in flop/s (an assumption, not measured). */
  public static final double ASSUMED_FLOPS_PER_CORE_SECOND = 5e9;

  private static final double SECONDS_PER_HOUR = 3600;

  private CostModel() {}

  /** updates x batch size x parameter count: proportional to a trial's training time. */
  public static double relativeCost(TrialSpec spec) {
    return (double) spec.training().updates()
        * spec.training().batchSize()
        * spec.network().parameterCount();
  }

  /** The estimated core-hours of a trial of relative cost {@code relativeCost}. */
  public static double coreHours(double relativeCost) {
    return relativeCost * FLOPS_PER_PARAMETER_PER_EXAMPLE / ASSUMED_FLOPS_PER_CORE_SECOND / SECONDS_PER_HOUR;
  }
}
