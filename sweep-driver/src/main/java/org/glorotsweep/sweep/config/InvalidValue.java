package org.glorotsweep.sweep.config;

/**
 * Thrown by the value readers when a value is not allowed; the message gives the value and what is allowed,
 * without a key path, which the {@link ErrorCollector} adds.
 */
final class InvalidValue extends RuntimeException {
  InvalidValue(String detail) {
    super(detail, null, false, false);
  }
}
