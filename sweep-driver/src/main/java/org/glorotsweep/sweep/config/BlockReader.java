package org.glorotsweep.sweep.config;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.glorotsweep.sweep.grid.Axis;
import org.glorotsweep.sweep.grid.AxisSetting;

/**
 * Reads the trial keys of one block, {@code common} or a group, into a {@link Block}: every {@link Axis} key,
 * {@code repeats} (a count, shorthand for {@code repeat: [0, ..., N-1]}), {@code data_options} (a map of
 * option name to scalar) and {@code monitor} (a map of {@link MonitorField} keys). It also rejects the
 * combinations that cannot hold within one block: {@code hidden_widths} with {@code depth} or {@code width},
 * and {@code repeats} with {@code repeat}.
 */
final class BlockReader {
  /** The keys of common, in the order the messages list them; a group also has {@code name}. */
  static final List<String> TRIAL_KEYS =
      List.of(
          "dataset", "data_options", "depth", "width", "hidden_widths", "activation", "init", "init_gain",
          "cost", "learning_rate", "batch_size", "updates", "precision", "repeats", "repeat", "monitor");

  private static final String DATA_OPTIONS = "data_options";
  private static final String MONITOR = "monitor";
  private static final String REPEATS = "repeats";

  private BlockReader() {}

  /**
   * Reads a block.
   *
   * @param map the block as loaded
   * @param keyPath where it is written
   * @param allowedKeys the keys allowed in it: {@link #TRIAL_KEYS}, plus {@code name} for a group (which this
   *     reader skips)
   * @param errors receives every problem. Modified.
   * @return the block, or empty when it has any problem
   */
  static Optional<Block> read(Map<?, ?> map, String keyPath, List<String> allowedKeys, ErrorCollector errors) {
    int before = errors.count();
    errors.rejectUnknownKeys(map, keyPath, allowedKeys);
    Map<Axis, AxisSetting> axes = new LinkedHashMap<>();
    Map<String, String> dataOptions = new LinkedHashMap<>();
    Map<MonitorField, Object> monitor = new EnumMap<>(MonitorField.class);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String path = KeyPath.child(keyPath, key);
      Object raw = entry.getValue();
      switch (key) {
        case DATA_OPTIONS -> readDataOptions(raw, path, dataOptions, errors);
        case MONITOR -> readMonitor(raw, path, monitor, errors);
        case REPEATS -> errors.read(path, () -> repeats(raw, path)).ifPresent(s -> axes.put(Axis.REPEAT, s));
        default -> Axis.forKey(key)
            .flatMap(axis -> AxisReader.read(axis, raw, path, errors))
            .ifPresent(setting -> axes.put(setting.axis(), setting));
      }
    }
    rejectTogether(map, keyPath, Axis.HIDDEN_WIDTHS.configName(),
        List.of(Axis.DEPTH.configName(), Axis.WIDTH.configName()), errors);
    rejectTogether(map, keyPath, REPEATS, List.of(Axis.REPEAT.configName()), errors);
    return errors.count() == before
        ? Optional.of(new Block(keyPath, axes, dataOptions, monitor))
        : Optional.empty();
  }

  // repeats: N means the repeat indices 0..N-1.
  private static AxisSetting repeats(Object raw, String path) {
    int count = Values.integer(raw);
    if (count < 1) {
      throw new InvalidValue(count + " is not allowed; expected an integer >= 1 (the number of repeats)");
    }
    return new AxisSetting(Axis.REPEAT, path, false, IntStream.range(0, count).boxed().toList());
  }

  private static void readDataOptions(
      Object raw, String path, Map<String, String> options, ErrorCollector errors) {
    errors.read(path, () -> Values.map(raw, "a map of option names to values, e.g. {test_size: 1000}"))
        .ifPresent(map -> map.forEach((key, value) -> {
          String optionPath = KeyPath.child(path, String.valueOf(key));
          if (!(key instanceof String name) || name.isBlank()) {
            errors.report(optionPath, "is not a valid option name; expected text such as test_size");
          } else {
            errors.read(optionPath, () -> Values.scalar(value)).ifPresent(text -> options.put(name, text));
          }
        }));
  }

  private static void readMonitor(
      Object raw, String path, Map<MonitorField, Object> monitor, ErrorCollector errors) {
    errors.read(path, () -> Values.map(raw, "a map of monitor settings, e.g. {examples: 300}"))
        .ifPresent(map -> {
          errors.rejectUnknownKeys(map, path, MonitorField.keys());
          map.forEach((key, value) -> MonitorField.forKey(key).ifPresent(field ->
              errors.read(KeyPath.child(path, field.key()), () -> field.read(value))
                  .ifPresent(v -> monitor.put(field, v))));
        });
  }

  private static void rejectTogether(
      Map<?, ?> map, String keyPath, String key, List<String> others, ErrorCollector errors) {
    List<String> present = others.stream().filter(map::containsKey).toList();
    if (map.containsKey(key) && !present.isEmpty()) {
      errors.report(
          KeyPath.child(keyPath, key),
          "cannot be given together with " + String.join(" and ", present) + " in one block; give "
              + String.join(" and ", others) + ", or " + key);
    }
  }
}
