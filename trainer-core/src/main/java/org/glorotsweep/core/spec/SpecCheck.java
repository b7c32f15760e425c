package org.glorotsweep.core.spec;

/**
 * Validation helpers for the spec records. Every failure is an {@link IllegalArgumentException} whose
 * message names the field, the rejected value and what is allowed, e.g.
 * {@code "training.batch_size: 0 is not allowed; expected an integer >= 1"}.
 */
final class SpecCheck {
  private SpecCheck() {}

  static IllegalArgumentException invalid(String field, Object value, String expected) {
    return new IllegalArgumentException(
        field + ": " + value + " is not allowed; expected " + expected);
  }

  static int atLeast(String field, int value, int minimum) {
    if (value < minimum) {
      throw invalid(field, value, "an integer >= " + minimum);
    }
    return value;
  }

  static long atLeast(String field, long value, long minimum) {
    if (value < minimum) {
      throw invalid(field, value, "an integer >= " + minimum);
    }
    return value;
  }

  static double positiveFinite(String field, double value) {
    if (!(value > 0.0) || Double.isInfinite(value)) {
      throw invalid(field, value, "a finite number > 0");
    }
    return value;
  }

  static <T> T present(String field, T value, String expected) {
    if (value == null) {
      throw invalid(field, "null", expected);
    }
    return value;
  }
}
