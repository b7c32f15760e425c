package org.glorotsweep.sweep.grid;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.glorotsweep.core.spec.MonitorSpec;

/**
 * One group of a sweep, with the common block already merged in: its axes in expansion order and the settings
 * every trial of the group shares. It expands to the cartesian product of its axes' values, the first axis
 * varying slowest.
 *
 * @param name the group's name, unique in its sweep
 * @param keyPath where the group is written, e.g. {@code groups[1]}
 * @param axes the axes in expansion order, each at most once
 * @param dataOptions the data set options of every trial
 * @param dataOptionPaths where each data option is written, by name (e.g. {@code path ->
 *     common.data_options.path}), for messages; the same keys as {@code dataOptions}
 * @param monitor what every trial of the group measures
 */
public record TrialGroup(
    String name,
    String keyPath,
    List<AxisSetting> axes,
    SortedMap<String, String> dataOptions,
    SortedMap<String, String> dataOptionPaths,
    MonitorSpec monitor) {

  /** Checks that no axis appears twice, that every data option has its path, and copies the collections. */
  public TrialGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(monitor, "monitor");
    if (!dataOptionPaths.keySet().equals(dataOptions.keySet())) {
      throw new IllegalArgumentException(
          keyPath + ": data option paths " + dataOptionPaths.keySet() + " do not match the options "
              + dataOptions.keySet());
    }
    Set<Axis> seen = EnumSet.noneOf(Axis.class);
    for (AxisSetting setting : axes) {
      if (!seen.add(setting.axis())) {
        throw new IllegalArgumentException(keyPath + ": axis " + setting.axis().configName() + " given twice");
      }
    }
    axes = List.copyOf(axes);
    dataOptions = Collections.unmodifiableSortedMap(new TreeMap<>(dataOptions));
    dataOptionPaths = Collections.unmodifiableSortedMap(new TreeMap<>(dataOptionPaths));
  }

  /**
   * Where the data options were written, for messages: the distinct maps holding them, e.g. {@code
   * common.data_options and groups[1].data_options}; empty when there are none.
   */
  public String dataOptionsSource() {
    Set<String> maps = new TreeSet<>();
    dataOptionPaths.forEach((option, path) -> maps.add(path.substring(0, path.length() - option.length() - 1)));
    return String.join(" and ", maps);
  }

  /** The number of trials the group expands to, the product of its axes' value counts, saturating at Long.MAX_VALUE. */
  public long trialCount() {
    long count = 1;
    for (AxisSetting setting : axes) {
      int size = setting.values().size();
      count = size == 0 ? 0 : (count > Long.MAX_VALUE / size ? Long.MAX_VALUE : count * size);
    }
    return count;
  }
}
