package org.glorotsweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.junit.jupiter.api.Test;

/** Expansion of groups built directly, without YAML: order, shapes, seeds and problems. */
class ExpanderTest {
  private final List<String> problems = new ArrayList<>();
  private final List<DataSpec> lookups = new ArrayList<>();

  private final DataShapes countingShapes =
      spec -> {
        lookups.add(spec);
        return new DataShapes.Shape(16, 3);
      };

  @Test
  void expandsInMixedRadixOrderWithTheLastAxisFastest() {
    TrialGroup group =
        group(
            "g",
            listed(Axis.WIDTH, 4, 5, 6),
            listed(Axis.ACTIVATION, Activation.TANH, Activation.SOFTSIGN),
            AxisSetting.fixed(Axis.INIT, "g.init", Initializer.STANDARD));
    List<PlannedTrial> trials = Expander.expand(1, List.of(group), countingShapes, this::record);
    assertEquals(List.of(), problems);
    assertEquals(
        List.of("4 tanh", "4 softsign", "5 tanh", "5 softsign", "6 tanh", "6 softsign"),
        trials.stream().map(t -> t.width().getAsInt() + " " + t.activation().configName()).toList());
    assertEquals("g (g.width[2], g.activation[1])", trials.get(5).origin());
  }

  @Test
  void looksUpEachDistinctDataSetOnce() {
    TrialGroup group =
        group("g", listed(Axis.WIDTH, 4, 5, 6), listed(Axis.DATASET, "shapeset", "other"));
    List<PlannedTrial> trials = Expander.expand(1, List.of(group), countingShapes, this::record);
    assertEquals(6, trials.size());
    assertEquals(List.of(DataSpec.named("shapeset"), DataSpec.named("other")), lookups);
    assertEquals(16, trials.get(0).spec().network().inputSize());
    assertEquals(3, trials.get(0).spec().network().classes());
  }

  @Test
  void seedsDoNotDependOnTheOrderOfExpansion() {
    TrialGroup forward = group("g", listed(Axis.WIDTH, 4, 5, 6), listed(Axis.REPEAT, 0, 1));
    TrialGroup backward = group("g", listed(Axis.REPEAT, 1, 0), listed(Axis.WIDTH, 6, 5, 4));
    List<PlannedTrial> a = Expander.expand(9, List.of(forward), countingShapes, this::record);
    List<PlannedTrial> b = Expander.expand(9, List.of(backward), countingShapes, this::record);
    assertEquals(
        a.stream().map(t -> t.trialId() + "=" + t.seed()).sorted().toList(),
        b.stream().map(t -> t.trialId() + "=" + t.seed()).sorted().toList());
    assertEquals(a.get(0).spec(), b.get(5).spec());
  }

  @Test
  void trialSpecCarriesTheDerivedSeedAndItsIdTheRepeatSeed() {
    TrialGroup group = group("g", listed(Axis.REPEAT, 4));
    PlannedTrial trial = Expander.expand(77, List.of(group), countingShapes, this::record).get(0);
    assertEquals(TrialIdentity.trialId(trial.spec().withSeed(4)), trial.trialId());
    assertEquals(TrialIdentity.trialSeed(77, trial.trialId()), trial.seed());
  }

  @Test
  void reportsMissingKeysAtTheGroupsKeyPath() {
    TrialGroup group =
        new TrialGroup("g", "groups[3]", List.of(AxisSetting.fixed(Axis.DEPTH, "groups[3].depth", 2)),
            new TreeMap<>(), new TreeMap<>(), MonitorSpec.DEFAULT);
    assertEquals(List.of(), Expander.expand(1, List.of(group), countingShapes, this::record));
    assertEquals(
        List.of("groups[3].dataset", "groups[3].activation", "groups[3].init", "groups[3].learning_rate",
            "groups[3].updates", "groups[3].width"),
        problems.stream().map(p -> p.substring(0, p.indexOf(": "))).toList());
  }

  @Test
  void countsSaturateInsteadOfOverflowing() {
    List<AxisSetting> axes = new ArrayList<>();
    for (Axis axis : List.of(Axis.WIDTH, Axis.DEPTH, Axis.BATCH_SIZE, Axis.REPEAT)) {
      axes.add(new AxisSetting(axis, axis.configName(), true, IntStream.range(0, 1 << 16).boxed().toList()));
    }
    TrialGroup huge = new TrialGroup("g", "g", axes, new TreeMap<>(), new TreeMap<>(), MonitorSpec.DEFAULT);
    assertEquals(Long.MAX_VALUE, huge.trialCount());
  }

  private void record(String keyPath, String detail) {
    problems.add(keyPath + ": " + detail);
  }

  // A complete group: the given axes, then any required axis they leave out, fixed.
  private static TrialGroup group(String name, AxisSetting... axes) {
    List<AxisSetting> all = new ArrayList<>(List.of(axes));
    addUnlessPresent(all, AxisSetting.fixed(Axis.DATASET, name + ".dataset", "shapeset"));
    addUnlessPresent(all, AxisSetting.fixed(Axis.DEPTH, name + ".depth", 2));
    addUnlessPresent(all, AxisSetting.fixed(Axis.WIDTH, name + ".width", 4));
    addUnlessPresent(all, AxisSetting.fixed(Axis.ACTIVATION, name + ".activation", Activation.TANH));
    addUnlessPresent(all, AxisSetting.fixed(Axis.INIT, name + ".init", Initializer.STANDARD));
    addUnlessPresent(all, AxisSetting.fixed(Axis.LEARNING_RATE, name + ".learning_rate", 0.1));
    addUnlessPresent(all, AxisSetting.fixed(Axis.UPDATES, name + ".updates", 10L));
    return new TrialGroup(name, name, all, new TreeMap<>(), new TreeMap<>(), MonitorSpec.DEFAULT);
  }

  private static void addUnlessPresent(List<AxisSetting> axes, AxisSetting setting) {
    if (axes.stream().noneMatch(s -> s.axis() == setting.axis())) {
      axes.add(setting);
    }
  }

  private static AxisSetting listed(Axis axis, Object... values) {
    return new AxisSetting(axis, "g." + axis.configName(), true, List.of(values));
  }
}
