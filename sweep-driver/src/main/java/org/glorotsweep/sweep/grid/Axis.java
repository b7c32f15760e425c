package org.glorotsweep.sweep.grid;

import java.util.List;
import java.util.Optional;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;

/**
 * A setting a group may sweep, by its key in the sweep file. Each axis holds values of one Java type: text for
 * {@link #DATASET}, enums for the closed sets, numbers for the rest, and a list of layer widths for
 * {@link #HIDDEN_WIDTHS}. The architecture is given either by {@link #DEPTH} and {@link #WIDTH} (that many
 * hidden layers of equal width) or by {@link #HIDDEN_WIDTHS}; {@link #REPEAT} is the repeat index, which is the
 * seed of the spec a trial's id is computed from.
 */
public enum Axis {
  /** The data set's catalogue name. */
  DATASET("dataset", String.class),
  /** The number of hidden layers L, each {@link #WIDTH} units wide. */
  DEPTH("depth", Integer.class),
  /** The width of every hidden layer, with {@link #DEPTH}. */
  WIDTH("width", Integer.class),
  /** The hidden layers' widths n_1..n_L, instead of {@link #DEPTH} and {@link #WIDTH}. */
  HIDDEN_WIDTHS("hidden_widths", List.class),
  /** The hidden layers' activation. */
  ACTIVATION("activation", Activation.class),
  /** The weight initialisation. */
  INIT("init", Initializer.class),
  /** The factor applied to every initial weight. */
  INIT_GAIN("init_gain", Double.class),
  /** The training cost. */
  COST("cost", Cost.class),
  /** The constant SGD step size. */
  LEARNING_RATE("learning_rate", Double.class),
  /** Examples per SGD update. */
  BATCH_SIZE("batch_size", Integer.class),
  /** The number of SGD updates. */
  UPDATES("updates", Long.class),
  /** The element type training runs in. */
  PRECISION("precision", Precision.class),
  /** The repeat index, &ge; 0: repeats of one configuration differ only in it, hence in id and seed. */
  REPEAT("repeat", Integer.class);

  private final String configName;
  private final Class<?> valueType;

  Axis(String configName, Class<?> valueType) {
    this.configName = configName;
    this.valueType = valueType;
  }

  /** The key in the sweep file, e.g. {@code "learning_rate"}. */
  public String configName() {
    return configName;
  }

  /** The Java type of this axis's values. */
  public Class<?> valueType() {
    return valueType;
  }

  /** The axis whose key is {@code key}, if any. */
  public static Optional<Axis> forKey(String key) {
    for (Axis axis : values()) {
      if (axis.configName.equals(key)) {
        return Optional.of(axis);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks {@code value} against the rules of the trial spec records, by building a valid reference spec with
   * this one value replaced, so that those rules are stated once, in the spec constructors. (The repeat
   * index, which is not a spec field, must be &ge; 0.)
   *
   * @param value a value of {@link #valueType()}
   * @throws IllegalArgumentException the spec's own message: {@code "field: value is not allowed; expected ..."}
   */
  public void check(Object value) {
    TrialDraft.checkAgainstReference(this, value);
  }
}
