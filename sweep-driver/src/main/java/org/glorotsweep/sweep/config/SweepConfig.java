package org.glorotsweep.sweep.config;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.glorotsweep.sweep.grid.CostModel;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.search.SearchPolicy;

/**
 * A validated sweep: its name, seed, output location, per-trial time limit, and its trials in the order the
 * file writes them. Built only by {@link SweepConfigLoader}, so every instance is runnable.
 *
 * @param name the sweep's name, matching {@code [a-z][a-z0-9_-]*}; results are partitioned by it
 * @param seed the sweep seed every trial seed is derived from
 * @param output where results go: a local path or a Hadoop file system URI
 * @param timeout the wall-clock limit of one trial, if any
 * @param checkpoints when trials save checkpoints ({@code checkpoint_every})
 * @param source the file the sweep was read from (or a label for text)
 * @param trials every trial, in written order, at least one
 * @param searches the {@code search} of each group that has one, by group name (empty: a grid)
 */
public record SweepConfig(
    String name,
    long seed,
    String output,
    Optional<Duration> timeout,
    CheckpointPolicy checkpoints,
    String source,
    List<PlannedTrial> trials,
    Map<String, SearchPolicy> searches) {

  /** Checks that every part is present and copies the trials. */
  public SweepConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(checkpoints, "checkpoints");
    Objects.requireNonNull(source, "source");
    trials = List.copyOf(trials);
    searches = Map.copyOf(searches);
  }

  /** This sweep writing to {@code newOutput} instead, as a command-line override gives. */
  public SweepConfig withOutput(String newOutput) {
    return new SweepConfig(name, seed, newOutput, timeout, checkpoints, source, trials, searches);
  }

  /** This sweep with no group's search: every trial runs to its end, as a grid. */
  public SweepConfig withoutSearches() {
    return new SweepConfig(name, seed, output, timeout, checkpoints, source, trials, Map.of());
  }

  /**
   * The trials by decreasing {@link CostModel#relativeCost estimated cost}, ties in written order: started in
   * this order, the longest trials do not end up alone at the end of the sweep.
   */
  public List<PlannedTrial> trialsLongestFirst() {
    return trials.stream()
        .sorted(Comparator.comparingDouble(PlannedTrial::relativeCost).reversed())
        .toList();
  }
}
