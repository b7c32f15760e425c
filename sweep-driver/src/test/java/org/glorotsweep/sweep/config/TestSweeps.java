package org.glorotsweep.sweep.config;

import org.glorotsweep.sweep.grid.DataShapes;

/** Sweep files and data set shapes shared by the config tests. */
final class TestSweeps {
  /** Knows Shapeset only (1024 inputs, 9 classes), rejecting other names as the data catalogue would. */
  static final DataShapes SHAPESET_ONLY =
      spec -> {
        if (!spec.name().equals("shapeset")) {
          throw new IllegalArgumentException("data.name: unknown data set '" + spec.name() + "'; allowed: shapeset");
        }
        return new DataShapes.Shape(1024, 9);
      };

  private TestSweeps() {}

  /**
   * A valid sweep of one trial whose one group, {@code g0}, is written last, followed by {@code groupLines}:
   * keys for g0 (indented by 4) or further groups.
   */
  static String withGroupLines(String groupLines) {
    return """
        sweep: t
        seed: 7
        output: out
        common:
          dataset: shapeset
          depth: 2
          width: 8
          activation: tanh
          init: standard
          learning_rate: 0.01
          updates: 100
        groups:
          - name: g0
        """
        + groupLines;
  }
}
