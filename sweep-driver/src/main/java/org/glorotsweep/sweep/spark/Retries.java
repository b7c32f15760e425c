package org.glorotsweep.sweep.spark;

import org.glorotsweep.core.data.files.DataFileException;

/**
 * Which errors of a trial another attempt may cure. The JVM running out of memory and the file system's I/O may
 * pass on a retry, perhaps on another executor; a data file whose content or absence is at fault (a
 * {@linkplain DataFileException#isDeterministic() deterministic} {@link DataFileException}) fails the same way
 * on every attempt, so it is recorded at the first.
 */
final class Retries {
  private Retries() {}

  /**
   * Whether a retry may cure {@code error}: false when a deterministic {@link DataFileException} is anywhere in
   * its cause chain (a data set loaded by another task of the same JVM reaches a trial wrapped).
   */
  static boolean mayCure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataFileException data && data.isDeterministic()) {
        return false;
      }
    }
    return true;
  }
}
