package org.glorotsweep.sweep.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.glorotsweep.core.result.CurvePoint;

/** What a race ranks learning rates by at a rung, lower is better; read from a trial's learning curve. */
public enum RaceMetric {
  /** The validation error at the rung's point, e(u_k). */
  VALID_ERROR("valid_error"),
  /** The lowest validation error of the points up to the rung, min_{u &le; u_k} e(u), as model selection uses. */
  BEST_VALID_ERROR("best_valid_error");

  private final String configName;

  RaceMetric(String configName) {
    this.configName = configName;
  }

  /** The name in sweep files and result tables. */
  public String configName() {
    return configName;
  }

  /** The metric named {@code name}, if there is one. */
  public static Optional<RaceMetric> forName(String name) {
    return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
  }

  /**
   * The metric of a trial at rung update {@code update}, from its curve.
   *
   * @param curve the trial's learning curve, in update order, with a point at {@code update}. Not modified.
   * @throws IllegalArgumentException when the curve has no point at {@code update}
   */
  public double of(List<CurvePoint> curve, long update) {
    if (curve.stream().noneMatch(p -> p.update() == update)) {
      throw new IllegalArgumentException("the learning curve has no point at rung update " + update);
    }
    return switch (this) {
      case VALID_ERROR -> curve.stream().filter(p -> p.update() == update).findFirst().orElseThrow()
          .validation().error();
      case BEST_VALID_ERROR -> curve.stream().filter(p -> p.update() <= update)
          .mapToDouble(p -> p.validation().error()).min().orElseThrow();
    };
  }
}
