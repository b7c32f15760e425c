package org.glorotsweep.sweep.grid;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * The axis values of one trial being assembled, turned into a {@link TrialSpec} once complete. Axes a sweep
 * file may leave out take the paper's settings: cost {@code nll}, batch size 10, init gain 1, precision
 * {@code float32}, repeat 0. The others are required: dataset, activation, init, learning rate, updates, and
 * the architecture (depth and width, or hidden widths).
 */
final class TrialDraft {
  private static final List<Axis> REQUIRED =
      List.of(Axis.DATASET, Axis.ACTIVATION, Axis.INIT, Axis.LEARNING_RATE, Axis.UPDATES);

  private final Map<Axis, Object> values = new EnumMap<>(Axis.class);

  /** A draft holding only the defaults. */
  TrialDraft() {
    values.put(Axis.COST, Cost.NLL);
    values.put(Axis.BATCH_SIZE, TrainingSpec.PAPER_BATCH_SIZE);
    values.put(Axis.INIT_GAIN, 1.0);
    values.put(Axis.PRECISION, Precision.FLOAT32);
    values.put(Axis.REPEAT, 0);
  }

  /**
   * Checks one axis value by building a complete, valid reference spec (1 input, 2 classes, one hidden layer
   * of 1 unit, tanh, standard init, learning rate 0.01, 1 update) with that value put in.
   *
   * @throws IllegalArgumentException the spec constructor's message when the value breaks its rules
   */
  static void checkAgainstReference(Axis axis, Object value) {
    TrialDraft reference = new TrialDraft();
    reference.set(Axis.DATASET, "reference");
    reference.set(Axis.DEPTH, 1);
    reference.set(Axis.WIDTH, 1);
    reference.set(Axis.ACTIVATION, Activation.TANH);
    reference.set(Axis.INIT, Initializer.STANDARD);
    reference.set(Axis.LEARNING_RATE, 0.01);
    reference.set(Axis.UPDATES, 1L);
    reference.set(axis, value);
    reference.build(new DataShapes.Shape(1, 2), new TreeMap<>(), MonitorSpec.DEFAULT);
  }

  /** Sets one axis; a value of the wrong Java type is a programming error. */
  void set(Axis axis, Object value) {
    if (!axis.valueType().isInstance(value)) {
      throw new IllegalArgumentException(
          axis.configName() + " needs a " + axis.valueType().getSimpleName() + ", got " + value);
    }
    values.put(axis, value);
  }

  /** The keys still missing before a spec can be built, as a sweep file would name them; empty when complete. */
  List<String> missingKeys() {
    List<String> missing = new ArrayList<>();
    for (Axis axis : REQUIRED) {
      if (!values.containsKey(axis)) {
        missing.add(axis.configName());
      }
    }
    if (!values.containsKey(Axis.HIDDEN_WIDTHS)) {
      boolean depth = values.containsKey(Axis.DEPTH);
      boolean width = values.containsKey(Axis.WIDTH);
      if (!depth && !width) {
        missing.add(Axis.DEPTH.configName());
        missing.add(Axis.WIDTH.configName());
      } else if (!width) {
        missing.add(Axis.WIDTH.configName());
      } else if (!depth) {
        missing.add(Axis.DEPTH.configName());
      }
    }
    return missing;
  }

  /** The repeat index. */
  int repeat() {
    return get(Axis.REPEAT, Integer.class);
  }

  /** The data set this draft trains on, with the group's options. */
  DataSpec dataSpec(SortedMap<String, String> dataOptions) {
    return new DataSpec(get(Axis.DATASET, String.class), dataOptions);
  }

  /**
   * The complete spec, with seed = the repeat index (the form a trial's id is computed from).
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed, when a value breaks the
   *     spec records' rules
   */
  TrialSpec build(DataShapes.Shape shape, SortedMap<String, String> dataOptions, MonitorSpec monitor) {
    int repeat = repeat();
    if (repeat < 0) {
      throw new IllegalArgumentException(
          Axis.REPEAT.configName() + ": " + repeat + " is not allowed; expected an integer >= 0");
    }
    Activation activation = get(Axis.ACTIVATION, Activation.class);
    Initializer init = get(Axis.INIT, Initializer.class);
    NetworkSpec network =
        new NetworkSpec(
            shape.inputSize(),
            hiddenWidths(shape, activation, init),
            shape.classes(),
            activation,
            init,
            get(Axis.INIT_GAIN, Double.class));
    TrainingSpec training =
        new TrainingSpec(
            get(Axis.COST, Cost.class),
            get(Axis.BATCH_SIZE, Integer.class),
            get(Axis.LEARNING_RATE, Double.class),
            get(Axis.UPDATES, Long.class),
            get(Axis.PRECISION, Precision.class));
    return new TrialSpec(network, training, dataSpec(dataOptions), monitor, repeat);
  }

  // Either the hidden widths as given, or depth copies of width (NetworkSpec.uniform checks depth >= 0).
  @SuppressWarnings("unchecked")
  private List<Integer> hiddenWidths(DataShapes.Shape shape, Activation activation, Initializer init) {
    if (values.containsKey(Axis.HIDDEN_WIDTHS)) {
      return (List<Integer>) values.get(Axis.HIDDEN_WIDTHS);
    }
    return NetworkSpec.uniform(
            shape.inputSize(),
            get(Axis.DEPTH, Integer.class),
            get(Axis.WIDTH, Integer.class),
            shape.classes(),
            activation,
            init)
        .hiddenWidths();
  }

  private <T> T get(Axis axis, Class<T> type) {
    Object value = values.get(axis);
    if (value == null) {
      throw new IllegalStateException("no value for " + axis.configName() + "; check missingKeys() first");
    }
    return type.cast(value);
  }
}
