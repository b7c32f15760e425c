package org.glorotsweep.sweep.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glorotsweep.core.spec.MonitorSpec;

/**
 * The keys of a {@code monitor} map, one per {@link MonitorSpec} field, with the same names the spec's
 * messages use. A field that is not given takes its value from {@link MonitorSpec#DEFAULT}.
 */
enum MonitorField {
  ENABLED("enabled"),
  EXAMPLES("examples"),
  LOG_POINTS("log_points"),
  INTERVAL("interval"),
  JACOBIAN_EXAMPLES("jacobian_examples"),
  JACOBIAN_EVERY("jacobian_every"),
  EVALUATION_EXAMPLES("evaluation_examples"),
  HISTOGRAM_BINS("histogram_bins");

  private final String key;

  MonitorField(String key) {
    this.key = key;
  }

  /** The key in the sweep file. */
  String key() {
    return key;
  }

  /**
   * Reads this field's value and checks it with the {@link MonitorSpec} constructor.
   *
   * @throws InvalidValue for a value of the wrong type or out of range
   */
  Object read(Object raw) {
    Object value =
        switch (this) {
          case ENABLED -> Values.bool(raw);
          case INTERVAL -> Values.longInteger(raw);
          default -> Values.integer(raw);
        };
    Values.specRule(() -> build(Map.of(this, value)));
    return value;
  }

  /** The monitor spec with the given fields and the defaults for the rest. */
  static MonitorSpec build(Map<MonitorField, Object> fields) {
    MonitorSpec d = MonitorSpec.DEFAULT;
    return new MonitorSpec(
        (Boolean) fields.getOrDefault(ENABLED, d.enabled()),
        (Integer) fields.getOrDefault(EXAMPLES, d.monitorExamples()),
        (Integer) fields.getOrDefault(LOG_POINTS, d.logPoints()),
        (Long) fields.getOrDefault(INTERVAL, d.interval()),
        (Integer) fields.getOrDefault(JACOBIAN_EXAMPLES, d.jacobianExamples()),
        (Integer) fields.getOrDefault(JACOBIAN_EVERY, d.jacobianEvery()),
        (Integer) fields.getOrDefault(EVALUATION_EXAMPLES, d.evaluationExamples()),
        (Integer) fields.getOrDefault(HISTOGRAM_BINS, d.histogramBins()));
  }

  /** The field whose key is {@code key}, if any. */
  static Optional<MonitorField> forKey(Object key) {
    return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
  }

  /** Every key, in the order of the spec's fields. */
  static List<String> keys() {
    return Arrays.stream(values()).map(MonitorField::key).toList();
  }
}
