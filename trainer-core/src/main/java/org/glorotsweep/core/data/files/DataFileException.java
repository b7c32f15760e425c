package org.glorotsweep.core.data.files;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.zip.ZipException;

/** A data file that is missing, unreadable or malformed; the message starts with the file's location. */
public final class DataFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * @param location the file
   * @param problem what is wrong with it, and what was expected
   */
  public DataFileException(String location, String problem) {
    super(location + ": " + problem);
    this.location = location;
  }

  /** Wraps a lower-level failure while reading {@code location}. */
  public DataFileException(String location, IOException cause) {
    super(location + ": " + describe(cause), cause);
    this.location = location;
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

  /** The file's location. */
  public String location() {
    return location;
  }
}
