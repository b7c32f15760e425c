package org.glorotsweep.core.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which data set a trial trains on: a catalogue name ({@code shapeset}, {@code mnist}, ...) and its options
 * (paths, sizes, pixel range), kept sorted so that a spec has one canonical form. The data set catalogue
 * checks the options against the name.
 *
 * @param name the data set's catalogue name, non-empty
 * @param options option name to value, both non-empty strings
 */
public record DataSpec(String name, SortedMap<String, String> options)
    implements Serializable {

  /** Validates the name and copies the options into an unmodifiable sorted map. */
  public DataSpec {
    SpecCheck.present("data.name", name, "a data set name");
    if (name.isBlank()) {
      throw SpecCheck.invalid("data.name", "''", "a data set name");
    }
    SpecCheck.present("data.options", options, "a map of option names to values");
    for (Map.Entry<String, String> option : options.entrySet()) {
      if (option.getKey() == null || option.getKey().isBlank()) {
        throw SpecCheck.invalid("data.options", option.getKey(), "non-empty option names");
      }
      SpecCheck.present("data.options." + option.getKey(), option.getValue(), "a value");
    }
    options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
  }

  /** A data set with no options. */
  public static DataSpec named(String name) {
    return new DataSpec(name, new TreeMap<>());
  }

  /** The options as canonical JSON: an object with sorted keys and string values. */
  public String optionsJson() {
    return SpecJson.writeOptions(options);
  }

  /** The value of option {@code key}, or {@code fallback} when it is not set. */
  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }
}
