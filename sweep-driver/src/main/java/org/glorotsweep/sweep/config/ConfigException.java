package org.glorotsweep.sweep.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sweep file that cannot be run, with every problem found in it. The message has one line per problem,
 * each naming the file, the key path, the value and what is allowed:
 * {@code conf/x.yaml: groups[1].activation[2]: unknown value 'relu2'; allowed: sigmoid, tanh, ...}.
 */
public final class ConfigException extends Exception {
  private final String source;
  private final List<ConfigError> errors;

  /**
   * An exception for {@code errors}, at least one, found in {@code source}.
   *
   * @param source the file's path, or a label for text that did not come from a file
   * @param errors the problems, in the order found
   */
  public ConfigException(String source, List<ConfigError> errors) {
    super(format(source, errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  /** The file the problems are in. */
  public String source() {
    return source;
  }

  /** Every problem found, in the order found. */
  public List<ConfigError> errors() {
    return errors;
  }

  private static String format(String source, List<ConfigError> errors) {
    return errors.stream().map(error -> source + ": " + error).collect(Collectors.joining("\n"));
  }
}
