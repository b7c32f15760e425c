package org.glorotsweep.sweep.grid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.glorotsweep.core.data.files.DataFileException;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * Expands groups into trials, in the order written: group after group, and within a group the cartesian
 * product of its axes with the first axis varying slowest and the last fastest, as nested loops written top to
 * bottom would. The order is a pure function of the groups, and each trial's id and seed are independent of it.
 *
 * <p>Each problem is reported with its key path and expansion goes on, so one pass finds them all: a missing
 * required key, an axis with no values (a group must have at least one trial), a sweep of more than {@value
 * #MAX_TRIALS_PER_SWEEP} trials, a data set that {@link DataShapes} rejects or cannot read (a broken data file at the
 * key path of the data option it is attributed to, e.g. {@code groups[0].data_options.path}), and a trial whose
 * spec is already in the sweep (the same spec listed twice; reported as one {@linkplain
 * ProblemSink#reportRepeated repeated} problem however many there are). Trials with a problem are left out of
 * the result.
 *
 * <p>The size of a sweep is counted before anything is expanded: it is the sum over groups of the product of
 * their axis sizes (duplicates included), so a sweep over the cap is refused in microseconds and never
 * materialised.
 */
public final class Expander {
  /**
   * The most trials one sweep may list. Each trial is one Spark task and four Parquet files in the output, so
   * 100,000 trials are 400,000 files, about where listing an output and scheduling on one driver begin to
   * dominate the sweep; planning them holds every trial in the driver's heap (about 100 MB here). The
   * paper's full protocol is 245 trials, so a larger grid is almost surely a mistake in the file, and a
   * genuine one is better split into several sweeps.
   */
  public static final long MAX_TRIALS_PER_SWEEP = 100_000;

  /** The kind of every duplicate-spec problem, so that they are reported as one, with a count. */
  private static final String DUPLICATE_SPEC = "duplicate spec";

  /** How many of the largest groups an over-the-cap message names. */
  private static final int GROUPS_NAMED = 3;

  private final long sweepSeed;
  private final DataShapes shapes;
  private final ProblemSink problems;
  private final Map<DataSpec, Optional<DataShapes.Shape>> shapeCache = new HashMap<>();
  private final Map<String, PlannedTrial> plannedById = new HashMap<>();

  private Expander(long sweepSeed, DataShapes shapes, ProblemSink problems) {
    this.sweepSeed = sweepSeed;
    this.shapes = shapes;
    this.problems = problems;
  }

  /**
   * The trials of {@code groups}, in written order.
   *
   * @param sweepSeed the sweep's seed, from which every trial's seed is derived
   * @param groups the groups in the order written
   * @param shapes looks up each distinct data set once
   * @param problems receives every problem found. Modified.
   * @return the trials that have no problem, in order; complete when nothing was reported
   */
  public static List<PlannedTrial> expand(
      long sweepSeed, List<TrialGroup> groups, DataShapes shapes, ProblemSink problems) {
    Expander expander = new Expander(sweepSeed, shapes, problems);
    List<TrialGroup> expandable = groups.stream().filter(expander::isExpandable).toList();
    if (!expander.isWithinCap(expandable)) {
      return List.of();
    }
    List<PlannedTrial> trials = new ArrayList<>();
    for (TrialGroup group : expandable) {
      expander.expandGroup(group, trials);
    }
    return trials;
  }

  /** Reports, and returns false, when the groups list more than {@value #MAX_TRIALS_PER_SWEEP} trials in all. */
  private boolean isWithinCap(List<TrialGroup> groups) {
    long total = 0;
    for (TrialGroup group : groups) {
      total = saturatingAdd(total, group.trialCount());
    }
    if (total <= MAX_TRIALS_PER_SWEEP) {
      return true;
    }
    List<String> largest =
        groups.stream()
            .sorted(Comparator.comparingLong(TrialGroup::trialCount).reversed())
            .limit(GROUPS_NAMED)
            .map(group -> String.format(Locale.ROOT, "%s '%s' %,d", group.keyPath(), group.name(), group.trialCount()))
            .toList();
    String more = groups.size() > GROUPS_NAMED ? ", ..." : "";
    problems.report(
        "groups",
        String.format(
            Locale.ROOT,
            "the %d groups list %,d trials in all (largest: %s%s); at most %,d are allowed in one sweep"
                + " (each trial is a Spark task and four Parquet files): shorten a list or split the sweep",
            groups.size(), total, String.join(", ", largest), more, MAX_TRIALS_PER_SWEEP));
    return false;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private boolean isExpandable(TrialGroup group) {
    boolean expandable = true;
    TrialDraft presence = new TrialDraft();
    for (AxisSetting setting : group.axes()) {
      if (setting.values().isEmpty()) {
        problems.report(
            setting.keyPath(),
            "[] is empty, so group '" + group.name() + "' has no trials; give at least one value");
        expandable = false;
      } else {
        presence.set(setting.axis(), setting.values().get(0));
      }
    }
    if (!expandable) {
      return false;
    }
    for (String key : presence.missingKeys()) {
      problems.report(group.keyPath() + "." + key, "is missing; set it in common or in the group");
      expandable = false;
    }
    return expandable;
  }

  // Trial t takes value index[j] of axis j, where index is t written in the mixed radix of the axis sizes.
  private void expandGroup(TrialGroup group, List<PlannedTrial> trials) {
    List<AxisSetting> axes = group.axes();
    int[] index = new int[axes.size()];
    for (long t = 0; t < group.trialCount(); t++) {
      long rest = t;
      for (int j = axes.size() - 1; j >= 0; j--) {
        int size = axes.get(j).values().size();
        index[j] = (int) (rest % size);
        rest /= size;
      }
      plan(group, index).ifPresent(trials::add);
    }
  }

  private Optional<PlannedTrial> plan(TrialGroup group, int[] index) {
    TrialDraft draft = new TrialDraft();
    List<String> listedPaths = new ArrayList<>();
    for (int j = 0; j < index.length; j++) {
      AxisSetting setting = group.axes().get(j);
      draft.set(setting.axis(), setting.values().get(index[j]));
      if (setting.listed()) {
        listedPaths.add(setting.keyPathOf(index[j]));
      }
    }
    String datasetPath = datasetPath(group, index);
    DataSpec data = draft.dataSpec(group.dataOptions());
    Optional<DataShapes.Shape> shape =
        shapeCache.computeIfAbsent(data, d -> lookUpShape(d, datasetPath, group));
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    TrialSpec identitySpec;
    try {
      identitySpec = draft.build(shape.get(), group.dataOptions(), group.monitor());
    } catch (IllegalArgumentException e) {
      problems.report(datasetPath, describe(data, group.dataOptionsSource()) + " gives an invalid network: "
          + e.getMessage());
      return Optional.empty();
    }
    String origin =
        listedPaths.isEmpty() ? group.keyPath() : group.keyPath() + " (" + String.join(", ", listedPaths) + ")";
    String trialId = TrialIdentity.trialId(identitySpec);
    PlannedTrial earlier = plannedById.get(trialId);
    if (earlier != null) {
      problems.reportRepeated(
          DUPLICATE_SPEC,
          origin,
          "is the same trial as " + earlier.origin() + " (id " + trialId + ", repeat " + draft.repeat()
              + "); a sweep may list each spec only once");
      return Optional.empty();
    }
    PlannedTrial trial =
        new PlannedTrial(
            trialId,
            group.name(),
            draft.repeat(),
            identitySpec.withSeed(TrialIdentity.trialSeed(sweepSeed, trialId)),
            origin);
    plannedById.put(trialId, trial);
    return Optional.of(trial);
  }

  // Where this trial's data set is written: dataset is required, so a complete group always has it.
  private static String datasetPath(TrialGroup group, int[] index) {
    for (int j = 0; j < index.length; j++) {
      AxisSetting setting = group.axes().get(j);
      if (setting.axis() == Axis.DATASET) {
        return setting.keyPathOf(index[j]);
      }
    }
    throw new IllegalStateException(group.keyPath() + " has no dataset; isExpandable() checks that first");
  }

  // A data file's problem is reported at the data option it is attributed to, when the sweep file writes it.
  private Optional<DataShapes.Shape> lookUpShape(DataSpec data, String datasetPath, TrialGroup group) {
    String optionsSource = group.dataOptionsSource();
    try {
      return Optional.of(shapes.shapeOf(data));
    } catch (DataFileException e) {
      Optional<String> option = e.option().filter(group.dataOptionPaths()::containsKey);
      if (option.isPresent()) {
        problems.report(
            group.dataOptionPaths().get(option.get()),
            "'" + data.options().get(option.get()) + "' (data set '" + data.name() + "'): " + e.getMessage());
      } else {
        problems.report(datasetPath, describe(data, optionsSource) + ": " + e.getMessage());
      }
    } catch (IOException e) {
      problems.report(
          datasetPath,
          describe(data, optionsSource) + " cannot be read: " + e.getClass().getSimpleName() + ": "
              + e.getMessage());
    } catch (IllegalArgumentException e) {
      problems.report(datasetPath, describe(data, optionsSource) + " is not valid: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static String describe(DataSpec data, String optionsSource) {
    if (data.options().isEmpty()) {
      return "'" + data.name() + "' (no data_options)";
    }
    return "'" + data.name() + "' with data_options " + data.options() + " (" + optionsSource + ")";
  }
}
