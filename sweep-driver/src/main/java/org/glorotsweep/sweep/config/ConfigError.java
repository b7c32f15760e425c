package org.glorotsweep.sweep.config;

import java.util.Objects;

/**
 * One problem in a sweep file: where it is and what is wrong.
 *
 * @param keyPath the key path of the offending value (e.g. {@code groups[1].activation[2]}), a position
 *     ({@code line 3, column 7}) for a YAML syntax error, or empty for the file as a whole
 * @param detail the value and what is allowed, e.g. {@code "unknown value 'relu2'; allowed: sigmoid, tanh"}
 */
public record ConfigError(String keyPath, String detail) {

  /** Checks that both parts are present. */
  public ConfigError {
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code keyPath: detail}, or just the detail for the file as a whole. */
  @Override
  public String toString() {
    return keyPath.isEmpty() ? detail : keyPath + ": " + detail;
  }
}
