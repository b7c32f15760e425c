package org.glorotsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.glorotsweep.core.spec.MonitorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The measurement points: the documented defaults, and at most {@value MeasurementSchedule#MAX_POINTS}. */
class MeasurementScheduleTest {

  @Test
  void thePapersScheduleIsUnchanged() {
    long updates = 5_000_000;
    MeasurementSchedule schedule = MeasurementSchedule.of(MonitorSpec.DEFAULT, updates);
    long[] points = schedule.points();
    // 0, ten log-spaced points up to 50,000 (T/100), every 100,000 (T/50) and T
    assertEquals(61, points.length);
    assertEquals(0, points[0]);
    assertEquals(50_000, points[10]);
    assertArrayEquals(LongStream.rangeClosed(1, 50).map(m -> m * 100_000).toArray(),
        LongStream.of(points).skip(11).toArray());
    // Jacobians at 0, every 10th regular point (1,000,000 ... 4,000,000) and T
    assertEquals(6, schedule.jacobianPointCount());
    assertTrue(schedule.includesJacobian(1_000_000));
    assertTrue(!schedule.includesJacobian(900_000));
  }

  @ParameterizedTest
  @ValueSource(longs = {10, 99, 149, 1_000, 1_000_000, 5_000_000_000L})
  void anIntervalOfOneIsCapped(long updates) {
    MonitorSpec everyUpdate = new MonitorSpec(true, 300, 10, 1, 10, 1, 0, 50);
    MeasurementSchedule schedule = MeasurementSchedule.of(everyUpdate, updates);
    long[] points = schedule.points();
    assertTrue(points.length <= MeasurementSchedule.MAX_POINTS, () -> points.length + " points");
    if (updates < MeasurementSchedule.MAX_POINTS) {
      assertEquals(updates + 1, points.length, "every update, as asked");
    } else {
      assertTrue(points.length > MeasurementSchedule.MAX_POINTS / 2, () -> "only " + points.length + " points");
    }
    assertEquals(0, points[0]);
    assertEquals(updates, points[points.length - 1]);
    assertTrue(schedule.jacobianPointCount() <= points.length);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 50, 99, 149, 249, 250, 2_000, 123_457})
  void theDefaultsStayWithinTheCap(long updates) {
    long[] points = MeasurementSchedule.of(MonitorSpec.DEFAULT, updates).points();
    assertTrue(points.length <= MeasurementSchedule.MAX_POINTS, () -> points.length + " points for T = " + updates);
    assertEquals(updates, points[points.length - 1]);
  }

  @Test
  void manyLogPointsAreCapped() {
    MonitorSpec manyLogPoints = new MonitorSpec(true, 300, 1_000, 0, 10, 10, 0, 50);
    long[] points = MeasurementSchedule.of(manyLogPoints, 100_000_000).points();
    assertTrue(points.length <= MeasurementSchedule.MAX_POINTS, () -> points.length + " points");
    // 0, 16 log-spaced points up to 10^6 = T/100, then the 46 left for regular points (every ceil(T/47)) and T
    assertEquals(1_000_000, points[MeasurementSchedule.MAX_LOG_POINTS]);
    assertEquals(MeasurementSchedule.MAX_POINTS, points.length);
    assertEquals(2_127_660, points[MeasurementSchedule.MAX_LOG_POINTS + 1]);
  }

  @Test
  void zeroUpdatesMeasuresTheInitialisationOnly() {
    MeasurementSchedule schedule = MeasurementSchedule.of(MonitorSpec.DEFAULT, 0);
    assertArrayEquals(new long[] {0}, schedule.points());
    assertEquals(1, schedule.jacobianPointCount());
    assertTrue(schedule.includesJacobian(0));
  }

  @Test
  void aFewUpdatesWithTheDefaultsMeasureEachUpdateWithinTheCap() {
    assertArrayEquals(LongStream.rangeClosed(0, 10).toArray(), MeasurementSchedule.of(MonitorSpec.DEFAULT, 10).points());
  }
}
