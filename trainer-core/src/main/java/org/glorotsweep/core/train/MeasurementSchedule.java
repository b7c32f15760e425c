package org.glorotsweep.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.glorotsweep.core.spec.MonitorSpec;

/**
 * The updates after which a trial is measured. Point u means "after u updates", so 0 is the initialisation.
 * The points are 0; {@code logPoints} updates spaced logarithmically in (0, T/100] (the first 1% of T
 * updates, where the paper's Fig. 2 shows the fastest change); every {@code interval} updates, with
 * interval 0 meaning max(1, T/50); and T. Duplicates collapse.
 *
 * <p>Layer Jacobians (paper section 4.2) cost far more than the other measurements, so they have a sparser
 * subset of these points: 0, every {@code jacobianEvery}-th regular point (u = m x interval with m a multiple of
 * jacobianEvery) and T.
 */
public final class MeasurementSchedule {
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
    for (int k = 1; k <= monitor.logPoints() && early >= 1; k++) {
      // u_k = round(early^(k / logPoints)): log-spaced from 1 to early
      points.add(Math.max(1L, Math.round(Math.pow(early, (double) k / monitor.logPoints()))));
    }
    long interval = monitor.interval() > 0 ? monitor.interval() : Math.max(1L, updates / 50);
    TreeSet<Long> jacobianPoints = new TreeSet<>(List.of(0L, updates));
    for (long u = interval; u < updates; u += interval) {
      points.add(u);
      if ((u / interval) % monitor.jacobianEvery() == 0) {
        jacobianPoints.add(u);
      }
    }
    return new MeasurementSchedule(toArray(points), toArray(jacobianPoints));
  }

  private static long[] toArray(TreeSet<Long> points) {
    return points.stream().mapToLong(Long::longValue).toArray();
  }

  /** The points in increasing order. */
  public long[] points() {
    return points.clone();
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
