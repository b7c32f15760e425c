package org.glorotsweep.sweep.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.glorotsweep.sweep.grid.ProblemSink;

/**
 * Gathers every problem found in one sweep file, in the order found and without repeats, so that one run
 * reports them all. Of the problems {@linkplain #reportRepeated reported as repeated}, only the first of each
 * kind is kept, with the number of the others: "... (and 9,999 more like it)". Memory and the message stay
 * small however many trials repeat one mistake.
 */
final class ErrorCollector implements ProblemSink {
  private final Set<ConfigError> errors = new LinkedHashSet<>();
  private final Map<String, ConfigError> firstOfKind = new HashMap<>();
  private final Map<ConfigError, Long> moreLikeIt = new HashMap<>();

  @Override
  public void report(String keyPath, String detail) {
    errors.add(new ConfigError(keyPath, detail));
  }

  @Override
  public void reportRepeated(String kind, String keyPath, String detail) {
    ConfigError first = firstOfKind.get(kind);
    if (first == null) {
      ConfigError error = new ConfigError(keyPath, detail);
      firstOfKind.put(kind, error);
      errors.add(error);
    } else {
      moreLikeIt.merge(first, 1L, Long::sum);
    }
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
    return errors.size() + moreLikeIt.values().stream().mapToInt(Long::intValue).sum();
  }

  /** Throws the problems found so far, if any, as one exception. */
  void throwIfAny(String source) throws ConfigException {
    if (!errors.isEmpty()) {
      List<ConfigError> listed = new ArrayList<>(errors.size());
      for (ConfigError error : errors) {
        Long more = moreLikeIt.get(error);
        listed.add(
            more == null
                ? error
                : new ConfigError(
                    error.keyPath(), String.format(Locale.ROOT, "%s (and %,d more like it)", error.detail(), more)));
      }
      throw new ConfigException(source, listed);
    }
  }
}
