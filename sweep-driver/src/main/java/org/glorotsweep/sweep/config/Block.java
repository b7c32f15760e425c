package org.glorotsweep.sweep.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glorotsweep.sweep.grid.Axis;
import org.glorotsweep.sweep.grid.AxisSetting;

/**
 * The trial settings one block of a sweep file gives, {@code common} or one group, each value already read
 * and checked; nothing from the other block is merged in yet.
 *
 * @param keyPath where the block is written: {@code common} or {@code groups[i]}
 * @param axes the axes the block sets, in the order written
 * @param dataOptions the data options it sets, in the order written, values as text
 * @param monitor the monitor fields it sets
 */
record Block(
    String keyPath,
    Map<Axis, AxisSetting> axes,
    Map<String, String> dataOptions,
    Map<MonitorField, Object> monitor) {

  /** Copies the maps, keeping their order. */
  Block {
    axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    dataOptions = Collections.unmodifiableMap(new LinkedHashMap<>(dataOptions));
    monitor = Collections.unmodifiableMap(new LinkedHashMap<>(monitor));
  }

  /** A block that sets nothing, for a file without {@code common}. */
  static Block empty(String keyPath) {
    return new Block(keyPath, Map.of(), Map.of(), Map.of());
  }

  /** The key path of monitor field {@code field} in this block. */
  String monitorPath(MonitorField field) {
    return KeyPath.child(KeyPath.child(keyPath, "monitor"), field.key());
  }
}
