package org.glorotsweep.sweep.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.glorotsweep.sweep.grid.ProblemSink;

/**
 * Gathers every problem found in one sweep file, in the order found and without repeats, so that one run
 * reports them all.
 */
final class ErrorCollector implements ProblemSink {
  private final Set<ConfigError> errors = new LinkedHashSet<>();

  @Override
  public void report(String keyPath, String detail) {
    errors.add(new ConfigError(keyPath, detail));
  }

  /**
   * Runs a value reader; an {@link InvalidValue} it throws is recorded at {@code keyPath}.
   *
   * @return the value, or empty when it was invalid
   */
  <T> Optional<T> read(String keyPath, Supplier<T> reader) {
    try {
      return Optional.of(reader.get());
    } catch (InvalidValue e) {
      report(keyPath, e.getMessage());
      return Optional.empty();
    }
  }

  /** Records every key of {@code map} that is not in {@code allowed}, listing the allowed keys. */
  void rejectUnknownKeys(Map<?, ?> map, String keyPath, List<String> allowed) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(key)) {
        report(
            KeyPath.child(keyPath, String.valueOf(key)),
            "is not a known key; allowed here: " + String.join(", ", allowed));
      }
    }
  }

  /** The number of problems so far; compare two counts to tell whether a step found any. */
  int count() {
    return errors.size();
  }

  /** Throws the problems found so far, if any, as one exception. */
  void throwIfAny(String source) throws ConfigException {
    if (!errors.isEmpty()) {
      throw new ConfigException(source, new ArrayList<>(errors));
    }
  }
}
