package org.glorotsweep.sweep.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the plain values a YAML document loads into (text, Integer, Long, BigInteger, Double, Boolean, List,
 * Map, null) as the types a sweep file needs. Each reader throws {@link InvalidValue} saying what the value is
 * and what was expected, e.g. {@code "'four' is text; expected an integer"}.
 */
final class Values {
  private Values() {}

  /** Non-blank text. */
  static String text(Object raw) {
    if (raw instanceof String text && !text.isBlank()) {
      return text;
    }
    throw wrongType(raw, "non-empty text");
  }

  /** A scalar as text, as data options and names are kept: {@code 1000}, {@code 0.5}, {@code true}, {@code tanh}. */
  static String scalar(Object raw) {
    if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
      return String.valueOf(raw);
    }
    throw wrongType(raw, "a single value (text, a number or true/false)");
  }

  /** A 32-bit integer. */
  static int integer(Object raw) {
    if (raw instanceof Integer value) {
      return value;
    }
    if (raw instanceof Long || raw instanceof BigInteger) {
      throw new InvalidValue(
          raw + " is too large; expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
    throw wrongType(raw, "an integer");
  }

  /** A 64-bit integer. */
  static long longInteger(Object raw) {
    if (raw instanceof Integer || raw instanceof Long) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof BigInteger) {
      throw new InvalidValue(
          raw + " is too large; expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
    }
    throw wrongType(raw, "an integer");
  }

  /** A number, integer or not. */
  static double number(Object raw) {
    if (raw instanceof Number value) {
      return value.doubleValue();
    }
    throw wrongType(raw, "a number");
  }

  /** {@code true} or {@code false}. */
  static boolean bool(Object raw) {
    if (raw instanceof Boolean value) {
      return value;
    }
    throw wrongType(raw, "true or false");
  }

  /** A map; {@code expected} says what it should hold. */
  static Map<?, ?> map(Object raw, String expected) {
    if (raw instanceof Map<?, ?> map) {
      return map;
    }
    throw wrongType(raw, expected);
  }

  /** A list; {@code expected} says what it should hold. */
  static List<?> list(Object raw, String expected) {
    if (raw instanceof List<?> list) {
      return list;
    }
    throw wrongType(raw, expected);
  }

  /**
   * Runs a spec constructor or an enum lookup and turns its {@link IllegalArgumentException}, whose message
   * reads {@code "field: value is not allowed; expected ..."}, into an {@link InvalidValue} without the field,
   * since the caller knows the key path.
   */
  static <T> T specRule(Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int fieldEnd = message.indexOf(": ");
      throw new InvalidValue(fieldEnd < 0 ? message : message.substring(fieldEnd + 2));
    }
  }

  /** An error saying that {@code raw} is not what was expected, e.g. {@code "[1, 2] is a list; expected text"}. */
  static InvalidValue wrongType(Object raw, String expected) {
    if (raw == null) {
      return new InvalidValue("the value is empty; expected " + expected);
    }
    return new InvalidValue(describe(raw) + " is " + kind(raw) + "; expected " + expected);
  }

  /** The value as written in YAML flow style, text quoted: {@code 'tanh'}, {@code [1, 2]}, {@code {a: 1}}. */
  static String describe(Object raw) {
    if (raw instanceof String text) {
      return "'" + text + "'";
    }
    if (raw instanceof List<?> list) {
      return list.stream().map(Values::describe).collect(Collectors.joining(", ", "[", "]"));
    }
    if (raw instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + describe(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(raw);
  }

  private static String kind(Object raw) {
    if (raw instanceof String) {
      return "text";
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
      return "an integer";
    }
    if (raw instanceof Number) {
      return "a number";
    }
    if (raw instanceof Boolean) {
      return "a boolean";
    }
    if (raw instanceof List) {
      return "a list";
    }
    return raw instanceof Map ? "a map" : "a " + raw.getClass().getSimpleName();
  }
}
