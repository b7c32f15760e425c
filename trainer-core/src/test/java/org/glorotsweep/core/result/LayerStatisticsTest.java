package org.glorotsweep.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A statistic a quantity does not record is absent (NULL in the tables), while a recorded statistic that
 * came out NaN stays NaN; std is the population standard deviation, the square root of the variance.
 */
class LayerStatisticsTest {

  @Test
  void notRecordedIsAbsentAndARecordedNanStaysNan() {
    double nan = Double.NaN;
    LayerStatistics diverged =
        new LayerStatistics(7, 1, Quantity.ACTIVATION, 4, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    for (Statistic statistic : Statistic.values()) {
      OptionalDouble value = diverged.recorded(statistic);
      assertTrue(value.isPresent() && Double.isNaN(value.getAsDouble()), statistic::toString);
    }
    LayerStatistics ratio =
        new LayerStatistics(7, 1, Quantity.UPDATE_RATIO, 1, 0.01, nan, nan, nan, nan, nan, nan, nan, nan);
    for (Statistic statistic : Statistic.values()) {
      assertTrue(ratio.recorded(statistic).isEmpty(), statistic::toString);
    }
  }

  @Test
  void eachQuantityRecordsWhatItsDocumentationSays() {
    EnumSet<Statistic> moments = EnumSet.of(Statistic.VARIANCE, Statistic.STD, Statistic.MIN, Statistic.MAX);
    EnumSet<Statistic> jacobian = EnumSet.copyOf(moments);
    jacobian.addAll(EnumSet.of(Statistic.P02, Statistic.P50, Statistic.P98));
    assertEquals(EnumSet.allOf(Statistic.class), recordedBy(Quantity.ACTIVATION));
    assertEquals(moments, recordedBy(Quantity.BACKPROP_GRADIENT));
    assertEquals(moments, recordedBy(Quantity.WEIGHT_GRADIENT));
    assertEquals(moments, recordedBy(Quantity.WEIGHT));
    assertEquals(EnumSet.noneOf(Statistic.class), recordedBy(Quantity.UPDATE_RATIO));
    assertEquals(jacobian, recordedBy(Quantity.JACOBIAN_SINGULAR_VALUE));
  }

  @Test
  void stdIsThePopulationStandardDeviation() {
    // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 4, std 2 (the sample std would be 2.138)
    LayerStatistics weights =
        new LayerStatistics(0, 2, Quantity.WEIGHT, 8, 5.0, 4.0, 2.0, 9.0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);
    assertEquals(2.0, weights.recorded(Statistic.STD).orElseThrow(), 0.0);
  }

  private static EnumSet<Statistic> recordedBy(Quantity quantity) {
    EnumSet<Statistic> recorded = EnumSet.noneOf(Statistic.class);
    for (Statistic statistic : Statistic.values()) {
      if (quantity.records(statistic)) {
        recorded.add(statistic);
      }
    }
    return recorded;
  }
}
