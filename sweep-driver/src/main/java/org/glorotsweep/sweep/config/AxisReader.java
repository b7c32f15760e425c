package org.glorotsweep.sweep.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.sweep.grid.Axis;
import org.glorotsweep.sweep.grid.AxisSetting;

/**
 * Reads the value of one axis key: a scalar is one fixed value, a list is swept. {@code hidden_widths} is
 * always a list of architectures, each a list of layer widths ({@code [[1000, 500]]} is one architecture).
 * Every value is checked against the spec records' rules ({@link Axis#check}) and every bad element is
 * reported at its own key path, e.g. {@code groups[1].activation[2]} or {@code common.hidden_widths[0][1]}.
 */
final class AxisReader {
  private static final String ARCHITECTURES =
      "a list of architectures, each a list of layer widths, e.g. [[1000, 500]]";

  private AxisReader() {}

  /**
   * The setting {@code raw} gives axis {@code axis}.
   *
   * @param keyPath where {@code raw} is written
   * @param errors receives every invalid value. Modified.
   * @return the setting, or empty when any of its values was invalid
   */
  static Optional<AxisSetting> read(Axis axis, Object raw, String keyPath, ErrorCollector errors) {
    if (raw instanceof List<?> list) {
      int before = errors.count();
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        element(axis, list.get(i), KeyPath.element(keyPath, i), errors).ifPresent(values::add);
      }
      return errors.count() == before ? Optional.of(new AxisSetting(axis, keyPath, true, values)) : Optional.empty();
    }
    if (axis == Axis.HIDDEN_WIDTHS) {
      errors.report(keyPath, Values.wrongType(raw, ARCHITECTURES).getMessage());
      return Optional.empty();
    }
    return errors.read(keyPath, () -> scalarValue(axis, raw)).map(v -> AxisSetting.fixed(axis, keyPath, v));
  }

  private static Optional<Object> element(Axis axis, Object raw, String keyPath, ErrorCollector errors) {
    if (axis != Axis.HIDDEN_WIDTHS) {
      return errors.read(keyPath, () -> scalarValue(axis, raw));
    }
    Optional<List<?>> widths =
        errors.read(keyPath, () -> Values.list(raw, "a list of layer widths such as [1000, 500]"
            + " (hidden_widths lists architectures: [[1000, 500]] is one)"));
    if (widths.isEmpty()) {
      return Optional.empty();
    }
    List<Object> checked = new ArrayList<>();
    for (int j = 0; j < widths.get().size(); j++) {
      Object width = widths.get().get(j);
      errors.read(KeyPath.element(keyPath, j), () -> scalarValue(Axis.WIDTH, width)).ifPresent(checked::add);
    }
    return checked.size() == widths.get().size() ? Optional.of(List.copyOf(checked)) : Optional.empty();
  }

  // Converts to the axis's type, then checks the value against the spec records.
  private static Object scalarValue(Axis axis, Object raw) {
    Object value =
        switch (axis) {
          case DATASET -> Values.text(raw);
          case DEPTH, WIDTH, BATCH_SIZE, REPEAT -> Values.integer(raw);
          case UPDATES -> Values.longInteger(raw);
          case INIT_GAIN, LEARNING_RATE -> Values.number(raw);
          case ACTIVATION -> Values.specRule(() -> Activation.fromConfigName(Values.scalar(raw)));
          case INIT -> Values.specRule(() -> Initializer.fromConfigName(Values.scalar(raw)));
          case COST -> Values.specRule(() -> Cost.fromConfigName(Values.scalar(raw)));
          case PRECISION -> Values.specRule(() -> Precision.fromConfigName(Values.scalar(raw)));
          case HIDDEN_WIDTHS -> throw new IllegalStateException("hidden_widths holds lists, read by element()");
        };
    Values.specRule(
        () -> {
          axis.check(value);
          return value;
        });
    return value;
  }
}
