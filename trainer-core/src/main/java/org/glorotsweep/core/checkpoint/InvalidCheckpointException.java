package org.glorotsweep.core.checkpoint;

/**
 * A checkpoint that must not be resumed from, and why: not a checkpoint, a format this code cannot read, a bad
 * digest, or a checkpoint of another trial, maths version, kernel or data set.
 */
public final class InvalidCheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A checkpoint rejected for {@code reason}. */
  public InvalidCheckpointException(String reason) {
    super(reason);
  }

  /** A checkpoint rejected for {@code reason}, found while reading it. */
  public InvalidCheckpointException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
