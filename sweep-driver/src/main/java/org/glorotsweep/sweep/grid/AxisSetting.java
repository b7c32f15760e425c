package org.glorotsweep.sweep.grid;

import java.util.List;
import java.util.Objects;

/**
 * The values one axis takes in a group, in the order written, and where they were written.
 *
 * <p>A value written as a YAML list ({@code activation: [tanh, softsign]}) is {@code listed}: value i sits at
 * key path {@code keyPath[i]}. A scalar ({@code activation: tanh}) is one value at {@code keyPath}. A repeat
 * count ({@code repeats: 3}) is the values 0..2, not listed, all at {@code keyPath}.
 *
 * @param axis the axis
 * @param keyPath where the values are written, e.g. {@code groups[1].activation}
 * @param listed whether the values were written as a list
 * @param values the values, each of {@link Axis#valueType()}; empty when an empty list was written
 */
public record AxisSetting(Axis axis, String keyPath, boolean listed, List<?> values) {

  /** Checks that every value has the axis's type and copies the list. */
  public AxisSetting {
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(keyPath, "keyPath");
    for (Object value : values) {
      if (!axis.valueType().isInstance(value)) {
        throw new IllegalArgumentException(
            keyPath + ": " + value + " is not a " + axis.valueType().getSimpleName());
      }
    }
    values = List.copyOf(values);
  }

  /** A single value written as a scalar. */
  public static AxisSetting fixed(Axis axis, String keyPath, Object value) {
    return new AxisSetting(axis, keyPath, false, List.of(value));
  }

  /** The key path of value {@code index}: {@code keyPath[index]} when listed, else {@code keyPath}. */
  public String keyPathOf(int index) {
    return listed ? keyPath + "[" + index + "]" : keyPath;
  }
}
