package org.glorotsweep.sweep.results;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Why a trial failed: an exception that escaped the trainer, summarised for the {@code trials} table.
 *
 * @param errorClass the exception's class name
 * @param message its message (may be empty)
 * @param stackTail the innermost frames: the first lines of its printed stack trace, where it was thrown
 */
public record TrialFailure(String errorClass, String message, String stackTail) implements Serializable {
  private static final int STACK_LINES = 12;

  /** Summarises {@code error}. */
  public static TrialFailure of(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\\R");
    String tail = String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, STACK_LINES)));
    return new TrialFailure(
        error.getClass().getName(), error.getMessage() == null ? "" : error.getMessage(), tail);
  }
}
