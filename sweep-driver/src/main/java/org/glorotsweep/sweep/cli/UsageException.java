package org.glorotsweep.sweep.cli;

/** A command line that cannot be run; the message says what is wrong and the command prints its usage. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
