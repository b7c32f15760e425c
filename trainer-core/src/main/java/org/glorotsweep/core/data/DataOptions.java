package org.glorotsweep.core.data;

import java.util.List;
import org.glorotsweep.core.spec.DataSpec;

/**
 * Typed, checked access to a {@link DataSpec}'s options for one data set. Construction rejects any option the
 * data set does not know; each getter rejects a malformed value. Every message names the option's key path
 * ({@code data.options.<name>}), the value and what is allowed.
 */
public final class DataOptions {
  private final DataSpec spec;

  private DataOptions(DataSpec spec) {
    this.spec = spec;
  }

  /**
   * The options of {@code spec}, checked against the names its data set accepts.
   *
   * @param allowed every option name the data set accepts
   * @throws IllegalArgumentException naming the first unknown option and listing the allowed ones
   */
  public static DataOptions check(DataSpec spec, List<String> allowed) {
    for (String key : spec.options().keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "data.options." + key + ": unknown option for data set '" + spec.name() + "'; allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
      }
    }
    return new DataOptions(spec);
  }

  /** The data set's catalogue name. */
  public String dataSetName() {
    return spec.name();
  }

  /** The raw value of option {@code key}, or {@code fallback} when it is absent. */
  public String text(String key, String fallback) {
    return spec.option(key, fallback);
  }

  /**
   * The raw value of option {@code key}.
   *
   * @param meaning what the option holds, for the message when it is absent
   */
  public String required(String key, String meaning) {
    String value = spec.options().get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "data.options." + key + ": missing; data set '" + spec.name() + "' needs " + meaning);
    }
    return value;
  }

  /** Whether option {@code key} is present. */
  public boolean has(String key) {
    return spec.options().containsKey(key);
  }

  /** Option {@code key} as an int &ge; {@code minimum}, or {@code fallback} when absent. */
  public int integer(String key, int fallback, int minimum) {
    long value = longInteger(key, fallback);
    if (value < minimum || value > Integer.MAX_VALUE) {
      throw invalid(key, "an integer from " + minimum + " to " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** Option {@code key} as a long, or {@code fallback} when absent. */
  public long longInteger(String key, long fallback) {
    String value = spec.options().get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "an integer");
    }
  }

  /** Option {@code key} as a {@link PixelRange}, or {@code fallback} when absent. */
  public PixelRange pixelRange(String key, PixelRange fallback) {
    return has(key) ? PixelRange.named("data.options." + key, text(key, null)) : fallback;
  }

  /** An exception saying that option {@code key}'s value is not {@code expected}. */
  public IllegalArgumentException invalid(String key, String expected) {
    return new IllegalArgumentException(
        "data.options." + key + ": '" + spec.options().get(key) + "' is not allowed; expected " + expected);
  }
}
