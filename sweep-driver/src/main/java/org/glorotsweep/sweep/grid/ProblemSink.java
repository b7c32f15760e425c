package org.glorotsweep.sweep.grid;

/**
 * Receives the problems found while expanding a sweep, each tied to the key path of the value that caused it
 * (e.g. {@code groups[1].activation[2]}), so that all of them can be reported together.
 */
@FunctionalInterface
public interface ProblemSink {

  /**
   * Records one problem.
   *
   * @param keyPath where in the sweep file the offending value is written; empty for the file as a whole
   * @param detail the value and what is allowed, e.g. {@code "[] is empty; give at least one value"}
   */
  void report(String keyPath, String detail);

  /**
   * Records one of possibly very many problems of the same kind (e.g. every trial of a group repeating an
   * earlier group). A sink may keep the first of each kind and count the others, so that a file with 10^5
   * such mistakes gives one line, not 10^5; this one records every problem.
   *
   * @param kind what the problems of this kind have in common; compared for equality only
   * @param keyPath where in the sweep file the offending value is written
   * @param detail the value and what is allowed
   */
  default void reportRepeated(String kind, String keyPath, String detail) {
    report(keyPath, detail);
  }
}
