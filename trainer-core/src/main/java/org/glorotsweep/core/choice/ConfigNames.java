package org.glorotsweep.core.choice;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the closed sets of the trainer (activations, initialisers, costs, precisions) by config name. */
public final class ConfigNames {
  private ConfigNames() {}

  public static <E extends Enum<E>> E lookup(
      E[] values, Function<E, String> nameOf, String field, String name) {
    for (E value : values) {
      if (nameOf.apply(value).equals(name)) {
        return value;
      }
    }
    String allowed = Arrays.stream(values).map(nameOf).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        field + ": unknown value '" + name + "'; allowed: " + allowed);
  }
}
