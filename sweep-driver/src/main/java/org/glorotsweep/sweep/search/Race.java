package org.glorotsweep.sweep.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.grid.TrialIdentity;

/**
 * The race of one model within one group: every trial of the group whose spec equals another's but for the
 * learning rate and the repeat (and the seed derived from them), grouped into {@link Arm}s by learning rate.
 *
 * @param id {@code <group>-<hash of the model>}: unique in a sweep, the same on any run of it
 * @param group the group
 * @param policy the group's search
 * @param rungs the rung updates, ending at the model's T (see {@link SearchPolicy#rungs})
 * @param arms the learning rates, in increasing order
 */
public record Race(String id, String group, SearchPolicy policy, List<Long> rungs, List<Arm> arms) {

  /** Copies the lists. */
  public Race {
    rungs = List.copyOf(rungs);
    arms = List.copyOf(arms);
  }

  /** The races of a searched group's trials, in the order their models first appear. */
  static List<Race> of(String group, SearchPolicy policy, List<PlannedTrial> trials) {
    Map<TrialSpec, List<PlannedTrial>> byModel = new LinkedHashMap<>();
    for (PlannedTrial trial : trials) {
      byModel.computeIfAbsent(model(trial.spec()), m -> new ArrayList<>()).add(trial);
    }
    List<Race> races = new ArrayList<>();
    for (Map.Entry<TrialSpec, List<PlannedTrial>> model : byModel.entrySet()) {
      Map<Double, List<PlannedTrial>> byRate = new TreeMap<>();
      model.getValue().forEach(t -> byRate.computeIfAbsent(t.learningRate(), r -> new ArrayList<>()).add(t));
      List<Arm> arms = byRate.entrySet().stream().map(e -> new Arm(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingDouble(Arm::learningRate)).toList();
      long updates = model.getKey().training().updates();
      races.add(new Race(group + "-" + TrialIdentity.trialId(model.getKey()), group, policy,
          policy.rungs(updates), arms));
    }
    return races;
  }

  /** The model of a spec: the spec with learning rate 1 and seed 0, so that only the model's fields differ. */
  private static TrialSpec model(TrialSpec spec) {
    TrainingSpec t = spec.training();
    return new TrialSpec(spec.network(), new TrainingSpec(t.cost(), t.batchSize(), 1.0, t.updates(), t.precision()),
        spec.data(), spec.monitor(), 0L);
  }

  /** The spec's updates T, the last rung. */
  public long updates() {
    return rungs.get(rungs.size() - 1);
  }

  /** Every trial of the race. */
  public List<PlannedTrial> trials() {
    return arms.stream().flatMap(a -> a.repeats().stream()).toList();
  }
}
