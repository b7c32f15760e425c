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
}
