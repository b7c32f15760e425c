package org.glorotsweep.sweep.config;

/** Builds key paths such as {@code groups[1].monitor.examples}; the top level is the empty path. */
final class KeyPath {
  private KeyPath() {}

  /** The path of map key {@code key} under {@code parent}. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of list element {@code index} of {@code parent}. */
  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
