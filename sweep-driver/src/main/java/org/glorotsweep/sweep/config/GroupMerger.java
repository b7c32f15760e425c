package org.glorotsweep.sweep.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.sweep.grid.Axis;
import org.glorotsweep.sweep.grid.AxisSetting;
import org.glorotsweep.sweep.grid.TrialGroup;

/**
 * Merges {@code common} into one group: the group's keys override common's, and its trial axes take this order
 * (which fixes the expansion order, the first axis varying slowest):
 *
 * <ol>
 *   <li>common's axis keys in the order written in common; where the group gives the same axis, the group's
 *       value takes common's place ({@code repeats} and {@code repeat} are the same axis);
 *   <li>then the axis keys that only the group gives, in the order written in the group.
 * </ol>
 *
 * The architecture keys form two families: a group that gives {@code hidden_widths} drops common's
 * {@code depth} and {@code width}, and a group that gives {@code depth} or {@code width} drops common's
 * {@code hidden_widths}. {@code data_options} and {@code monitor} merge key by key, the group's entries
 * overriding common's. Afterwards {@code monitor.jacobian_examples} must not exceed {@code monitor.examples}.
 */
final class GroupMerger {
  private static final List<Axis> LAYER_AXES = List.of(Axis.DEPTH, Axis.WIDTH);
  private static final String DEFAULT = "the default";

  private GroupMerger() {}

  /**
   * The group {@code name} as it expands.
   *
   * @param errors receives a monitor conflict. Modified.
   * @return the merged group, or empty when its monitor settings conflict
   */
  static Optional<TrialGroup> merge(Block common, Block group, String name, ErrorCollector errors) {
    Optional<MonitorSpec> monitor = monitor(common, group, errors);
    if (monitor.isEmpty()) {
      return Optional.empty();
    }
    TreeMap<String, String> dataOptions = new TreeMap<>(common.dataOptions());
    dataOptions.putAll(group.dataOptions());
    TreeMap<String, String> dataOptionPaths = new TreeMap<>();
    for (Block block : List.of(common, group)) {
      String map = KeyPath.child(block.keyPath(), "data_options");
      block.dataOptions().keySet().forEach(option -> dataOptionPaths.put(option, KeyPath.child(map, option)));
    }
    return Optional.of(
        new TrialGroup(name, group.keyPath(), axes(common, group), dataOptions, dataOptionPaths, monitor.get()));
  }

  private static List<AxisSetting> axes(Block common, Block group) {
    List<AxisSetting> axes = new ArrayList<>();
    for (AxisSetting setting : common.axes().values()) {
      AxisSetting override = group.axes().get(setting.axis());
      if (override != null) {
        axes.add(override);
      } else if (!replacedByOtherFamily(setting.axis(), group)) {
        axes.add(setting);
      }
    }
    for (AxisSetting setting : group.axes().values()) {
      if (!common.axes().containsKey(setting.axis())) {
        axes.add(setting);
      }
    }
    return axes;
  }

  private static boolean replacedByOtherFamily(Axis commonAxis, Block group) {
    if (LAYER_AXES.contains(commonAxis)) {
      return group.axes().containsKey(Axis.HIDDEN_WIDTHS);
    }
    return commonAxis == Axis.HIDDEN_WIDTHS && LAYER_AXES.stream().anyMatch(group.axes()::containsKey);
  }

  // The Jacobians are computed on the first jacobian_examples monitor examples, so there must be that many.
  private static Optional<MonitorSpec> monitor(Block common, Block group, ErrorCollector errors) {
    Map<MonitorField, Object> fields = new EnumMap<>(MonitorField.class);
    fields.putAll(common.monitor());
    fields.putAll(group.monitor());
    MonitorSpec monitor = MonitorField.build(fields);
    if (monitor.jacobianExamples() <= monitor.monitorExamples()) {
      return Optional.of(monitor);
    }
    String jacobianSource = source(MonitorField.JACOBIAN_EXAMPLES, common, group);
    String examplesSource = source(MonitorField.EXAMPLES, common, group);
    errors.report(
        jacobianSource.equals(DEFAULT) ? examplesSource : jacobianSource,
        "jacobian_examples = " + monitor.jacobianExamples() + " (" + jacobianSource + ") exceeds examples = "
            + monitor.monitorExamples() + " (" + examplesSource + "); expected jacobian_examples <= examples,"
            + " since the Jacobians are computed on monitor examples");
    return Optional.empty();
  }

  // Where a merged monitor field was written: the group, else common, else it is the default.
  private static String source(MonitorField field, Block common, Block group) {
    if (group.monitor().containsKey(field)) {
      return group.monitorPath(field);
    }
    return common.monitor().containsKey(field) ? common.monitorPath(field) : DEFAULT;
  }
}
