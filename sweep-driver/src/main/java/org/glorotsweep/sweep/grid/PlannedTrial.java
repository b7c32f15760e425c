package org.glorotsweep.sweep.grid;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * One trial of a sweep, ready to run: its id, where it came from, and its spec with the derived seed. The
 * axis accessors give the trial's value of every {@link Axis}, read from the spec.
 *
 * @param trialId 32 hex digits, see {@link TrialIdentity#trialId}
 * @param group the name of the group it belongs to
 * @param repeat the repeat index
 * @param spec the full spec; its seed is {@link TrialIdentity#trialSeed}(sweep seed, trialId)
 * @param origin where its values are written: the group's key path, then the key paths of the list elements it
 *     takes, e.g. {@code groups[1] (common.init[0], groups[1].activation[1])}
 */
public record PlannedTrial(String trialId, String group, int repeat, TrialSpec spec, String origin)
    implements Serializable {

  /** Checks that every part is present. */
  public PlannedTrial {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(origin, "origin");
  }

  /** The data set's catalogue name. */
  public String dataset() {
    return spec.data().name();
  }

  /** The number of hidden layers. */
  public int depth() {
    return spec.network().depth();
  }

  /** The width shared by every hidden layer; empty when there are none or their widths differ. */
  public OptionalInt width() {
    List<Integer> widths = hiddenWidths();
    boolean uniform = !widths.isEmpty() && widths.stream().allMatch(widths.get(0)::equals);
    return uniform ? OptionalInt.of(widths.get(0)) : OptionalInt.empty();
  }

  /** The hidden layers' widths n_1..n_L. */
  public List<Integer> hiddenWidths() {
    return spec.network().hiddenWidths();
  }

  /** The hidden activation. */
  public Activation activation() {
    return spec.network().activation();
  }

  /** The weight initialisation. */
  public Initializer init() {
    return spec.network().init();
  }

  /** The initial-weight gain. */
  public double initGain() {
    return spec.network().initGain();
  }

  /** The training cost. */
  public Cost cost() {
    return spec.training().cost();
  }

  /** The learning rate. */
  public double learningRate() {
    return spec.training().learningRate();
  }

  /** The mini-batch size. */
  public int batchSize() {
    return spec.training().batchSize();
  }

  /** The number of SGD updates. */
  public long updates() {
    return spec.training().updates();
  }

  /** The training precision. */
  public Precision precision() {
    return spec.training().precision();
  }

  /** The trial's derived seed. */
  public long seed() {
    return spec.seed();
  }

  /** The relative cost, see {@link CostModel#relativeCost}. */
  public double relativeCost() {
    return CostModel.relativeCost(spec);
  }
}
