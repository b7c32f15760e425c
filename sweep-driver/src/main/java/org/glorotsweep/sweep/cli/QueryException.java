package org.glorotsweep.sweep.cli;

/**
 * A query that was not run or failed for a reason the user can fix (refused as not read-only, a syntax error,
 * an unknown table or column, a data error such as a bad cast, no sweep output at the location). The message
 * says what is wrong; the command prints it without a stack trace and exits 2.
 */
final class QueryException extends Exception {
  private static final long serialVersionUID = 1L;

  QueryException(String message) {
    super(message);
  }
}
