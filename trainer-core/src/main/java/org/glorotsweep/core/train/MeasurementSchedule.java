package org.glorotsweep.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.glorotsweep.core.spec.MonitorSpec;

/**
 * The updates after which a trial is measured. Point u means "after u updates", so 0 is the initialisation.
 * The points are 0; {@code logPoints} updates spaced logarithmically in (0, T/100] (the first 1% of T
 * updates, where the paper's Fig. 2 shows the fastest change); every {@code interval} updates, with
 * interval 0 meaning max(1, T/50); and T. Duplicates collapse. With T = 0 the only point is the
 * initialisation.
 *
 * <p>A trial has at most {@value #MAX_POINTS} points whatever T, {@code interval} and {@code logPoints} are:
 * at most {@value #MAX_LOG_POINTS} log-spaced points are used, and the interval is widened to
 * ceil(T / (b + 1)) when the regular points would exceed the b points left. A point costs a forward pass over
 * the evaluation sets and a forward and backward pass over the monitor set, hundreds of training steps for
 * the paper's settings, so an unbounded count (interval 1, or T/50 rounding down to 1 for T &lt; 100) lets
 * monitoring swamp training. The defaults are never widened for T &ge; 250 (up to 100 points before the cap,
 * for T = 99).
 *
 * <p>Layer Jacobians (paper section 4.2) cost far more than the other measurements, so they have a sparser
 * subset of these points: 0, every {@code jacobianEvery}-th regular point (u = m x interval with m a multiple of
 * jacobianEvery) and T.
 */
public final class MeasurementSchedule {
  /** The most points a trial has, the initialisation and the end included. */
  public static final int MAX_POINTS = 64;

  /** The most log-spaced points used, whatever {@code logPoints} asks for. */
  public static final int MAX_LOG_POINTS = 16;

  private final long[] points;
  private final long[] jacobianPoints;

  private MeasurementSchedule(long[] points, long[] jacobianPoints) {
    this.points = points;
    this.jacobianPoints = jacobianPoints;
  }

  /** The schedule of a trial of {@code updates} updates under {@code monitor}. */
  public static MeasurementSchedule of(MonitorSpec monitor, long updates) {
    TreeSet<Long> points = new TreeSet<>();
    points.add(0L);
    points.add(updates);
    long early = updates / 100;
    int logPoints = Math.min(monitor.logPoints(), MAX_LOG_POINTS);
    for (int k = 1; k <= logPoints && early >= 1; k++) {
      // u_k = round(early^(k / logPoints)): log-spaced from 1 to early
      points.add(Math.max(1L, Math.round(StrictMath.pow(early, (double) k / logPoints))));
    }
    long interval = regularInterval(monitor, updates, MAX_POINTS - points.size());
    TreeSet<Long> jacobianPoints = new TreeSet<>(List.of(0L, updates));
    for (long u = interval; u < updates; u += interval) {
      points.add(u);
      if ((u / interval) % monitor.jacobianEvery() == 0) {
        jacobianPoints.add(u);
      }
    }
    return new MeasurementSchedule(toArray(points), toArray(jacobianPoints));
  }

  /**
   * The interval asked for (0: max(1, T/50)), widened to ceil(T / (budget + 1)) if needed: the regular points
   * m x interval &lt; T number ceil(T / interval) - 1, which is at most budget when interval &ge; T / (budget + 1).
   */
  private static long regularInterval(MonitorSpec monitor, long updates, int budget) {
    long asked = monitor.interval() > 0 ? monitor.interval() : Math.max(1L, updates / 50);
    long widest = Math.max(1L, -Math.floorDiv(-updates, budget + 1L));
    return Math.max(asked, widest);
  }

  private static long[] toArray(TreeSet<Long> points) {
    return points.stream().mapToLong(Long::longValue).toArray();
  }

  /** The points in increasing order. */
  public long[] points() {
    return points.clone();
  }

  /** The number of layer-Jacobian points, a subset of the points. */
  public int jacobianPointCount() {
    return jacobianPoints.length;
  }

  /** Whether the trial is measured after {@code update} updates. */
  public boolean contains(long update) {
    return Arrays.binarySearch(points, update) >= 0;
  }

  /** Whether the layer Jacobians are measured after {@code update} updates (a subset of the points). */
  public boolean includesJacobian(long update) {
    return Arrays.binarySearch(jacobianPoints, update) >= 0;
  }
}
