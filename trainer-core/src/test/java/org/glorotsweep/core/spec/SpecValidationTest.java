package org.glorotsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.TreeMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid specs fail at construction with a message naming the field, the value and what is allowed. */
class SpecValidationTest {

  private static void rejects(String message, Executable construction) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
  }

  @Test
  void networkFields() {
    rejects(
        "network.hidden_widths[1]: -3 is not allowed; expected an integer >= 1",
        () -> new NetworkSpec(10, List.of(5, -3), 2, Activation.TANH, Initializer.STANDARD, 1.0));
    rejects(
        "network.classes: 0 is not allowed; expected an integer >= 2",
        () -> new NetworkSpec(10, List.of(5), 0, Activation.TANH, Initializer.STANDARD, 1.0));
    rejects(
        "network.input_size: 0 is not allowed; expected an integer >= 1",
        () -> new NetworkSpec(0, List.of(), 2, Activation.TANH, Initializer.STANDARD, 1.0));
    rejects(
        "network.activation: null is not allowed; expected one of sigmoid, tanh, softsign, relu, identity",
        () -> new NetworkSpec(10, List.of(), 2, null, Initializer.STANDARD, 1.0));
    rejects(
        "network.init_gain: NaN is not allowed; expected a finite number > 0",
        () -> new NetworkSpec(10, List.of(), 2, Activation.TANH, Initializer.STANDARD, Double.NaN));
    rejects(
        "network.depth: -1 is not allowed; expected an integer >= 0",
        () -> NetworkSpec.uniform(10, -1, 5, 2, Activation.TANH, Initializer.STANDARD));
  }

  @Test
  void trainingFields() {
    rejects(
        "training.batch_size: 0 is not allowed; expected an integer >= 1",
        () -> new TrainingSpec(Cost.NLL, 0, 0.1, 10, Precision.FLOAT32));
    rejects(
        "training.learning_rate: 0.0 is not allowed; expected a finite number > 0",
        () -> new TrainingSpec(Cost.NLL, 10, 0.0, 10, Precision.FLOAT32));
    rejects(
        "training.learning_rate: -0.5 is not allowed; expected a finite number > 0",
        () -> new TrainingSpec(Cost.NLL, 10, -0.5, 10, Precision.FLOAT32));
    rejects(
        "training.updates: -1 is not allowed; expected an integer >= 0",
        () -> new TrainingSpec(Cost.NLL, 10, 0.1, -1, Precision.FLOAT32));
  }

  @Test
  void unknownNamesListTheAllowedValues() {
    rejects(
        "activation: unknown value 'rectifier'; allowed: sigmoid, tanh, softsign, relu, identity",
        () -> Activation.fromConfigName("rectifier"));
    rejects("cost: unknown value 'mse'; allowed: nll, quadratic", () -> Cost.fromConfigName("mse"));
    rejects(
        "precision: unknown value 'bf16'; allowed: float32, float64",
        () -> Precision.fromConfigName("bf16"));
  }

  @Test
  void monitorAndDataFields() {
    rejects(
        "monitor.examples: 0 is not allowed; expected an integer >= 1",
        () -> new MonitorSpec(true, 0, 10, 0, 10, 10, 0, 50));
    rejects("data.name: '' is not allowed; expected a data set name", () -> DataSpec.named(" "));
  }

  @Test
  void canonicalJsonIsStableAndCoversEveryField() {
    TreeMap<String, String> options = new TreeMap<>();
    options.put("test_size", "500");
    options.put("data_seed", "1");
    TrialSpec spec =
        new TrialSpec(
            new NetworkSpec(1024, List.of(1000, 500), 9, Activation.SOFTSIGN, Initializer.NORMALIZED, 1.0),
            new TrainingSpec(Cost.NLL, 10, 0.001, 5_000_000, Precision.FLOAT32),
            new DataSpec("shapeset", options),
            MonitorSpec.DEFAULT,
            42);
    assertEquals(
        "{\"network\":{\"input_size\":1024,\"hidden_widths\":[1000,500],\"classes\":9,"
            + "\"activation\":\"softsign\",\"init\":\"normalized\",\"init_gain\":1.0},"
            + "\"training\":{\"cost\":\"nll\",\"batch_size\":10,\"learning_rate\":0.001,"
            + "\"updates\":5000000,\"precision\":\"float32\"},"
            + "\"data\":{\"name\":\"shapeset\",\"options\":{\"data_seed\":\"1\",\"test_size\":\"500\"}},"
            + "\"monitor\":{\"enabled\":true,\"examples\":300,\"log_points\":10,\"interval\":0,"
            + "\"jacobian_examples\":10,\"jacobian_every\":10,\"evaluation_examples\":0,"
            + "\"histogram_bins\":50},\"seed\":42}",
        spec.toJson());
    assertNotEquals(spec.toJson(), spec.withSeed(43).toJson());
  }
}
