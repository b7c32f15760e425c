package org.glorotsweep.core.data.files;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * A data file that is missing, unreadable or malformed; the message starts with the file's location.
 *
 * <p>Most such problems are <em>deterministic</em>: the file's content or absence is at fault, so reading it
 * again, on any machine, gives the same error, and a trial that meets one is recorded as failed at once rather
 * than retried. Only a failure of the file system's I/O itself (a dropped connection, an unreachable name
 * node) is not: it is wrapped with {@link #DataFileException(String, IOException)} and may pass on a retry.
 *
 * <p>A problem may also be attributed to the data set option that is at fault ({@link #option()}): the option
 * that names the file (e.g. {@code path}), or the one whose value the file contradicts (e.g.
 * {@code validation_size}), so that a sweep file's error can point at the key to change.
 */
public final class DataFileException extends IOException {
  private static final long serialVersionUID = 2L;

  private final String location;
  private final boolean deterministic;
  private final String option;

  /**
   * A deterministic problem of the file's content or absence.
   *
   * @param location the file
   * @param problem what is wrong with it, and what was expected
   */
  public DataFileException(String location, String problem) {
    super(location + ": " + problem);
    this.location = location;
    this.deterministic = true;
    this.option = null;
  }

  /**
   * Wraps a lower-level failure while reading {@code location}: deterministic when it says the file is absent
   * ({@link FileNotFoundException}) or its data end early or are corrupt ({@link EOFException}, {@link
   * ZipException}); any other I/O failure is the file system's and may pass.
   */
  public DataFileException(String location, IOException cause) {
    super(location + ": " + describe(cause), cause);
    this.location = location;
    this.deterministic =
        cause instanceof FileNotFoundException || cause instanceof EOFException || cause instanceof ZipException;
    this.option = null;
  }

  private DataFileException(DataFileException problem, String option) {
    super(problem.getMessage(), problem.getCause());
    this.location = problem.location;
    this.deterministic = problem.deterministic;
    this.option = option;
    setStackTrace(problem.getStackTrace());
  }

  private static String describe(IOException cause) {
    if (cause instanceof FileNotFoundException) {
      return "file not found";
    }
    if (cause instanceof EOFException || cause instanceof ZipException) {
      return "truncated or corrupt gzip data (" + cause.getMessage() + ")";
    }
    return "cannot be read (" + cause + ")";
  }

  /**
   * This problem attributed to data set option {@code option}; a problem already attributed keeps its option
   * (the innermost attribution is the most specific).
   */
  public DataFileException withOption(String option) {
    return this.option != null ? this : new DataFileException(this, option);
  }

  /** The file's location. */
  public String location() {
    return location;
  }

  /** Whether reading the file again would give the same error (see the class comment). */
  public boolean isDeterministic() {
    return deterministic;
  }

  /** The data set option at fault, when known: e.g. {@code path}, {@code train_labels}, {@code validation_size}. */
  public Optional<String> option() {
    return Optional.ofNullable(option);
  }
}
