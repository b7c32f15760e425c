package org.glorotsweep.core.spec;

import java.io.Serializable;

/**
 * Everything that determines one trial: the network, how it is trained, on which data, and the seed of its
 * one random number generator. Two equal specs give bitwise-identical results on any JVM, thread or order.
 *
 * @param network the architecture and initialisation
 * @param training the SGD settings
 * @param data the data set
 * @param monitor what is measured during training, and when
 * @param seed the root of all of the trial's randomness (initialisation, data order, monitoring)
 */
public record TrialSpec(
    NetworkSpec network, TrainingSpec training, DataSpec data, MonitorSpec monitor, long seed)
    implements Serializable {

  /** Checks that every part is present; each part validated itself when it was built. */
  public TrialSpec {
    SpecCheck.present("network", network, "a network spec");
    SpecCheck.present("training", training, "a training spec");
    SpecCheck.present("data", data, "a data spec");
    SpecCheck.present("monitor", monitor, "a monitor spec");
  }

  /** This spec with another seed. */
  public TrialSpec withSeed(long newSeed) {
    return new TrialSpec(network, training, data, monitor, newSeed);
  }

  /** The canonical JSON form: fixed key order, no whitespace; equal specs give equal strings. */
  public String toJson() {
    return SpecJson.write(this);
  }

  /**
   * The spec whose canonical JSON is {@code json}: {@code fromJson(s.toJson()).equals(s)} for every spec s.
   *
   * @throws IllegalArgumentException naming the key and offset when {@code json} is not such a text
   */
  public static TrialSpec fromJson(String json) {
    return SpecJsonReader.read(json);
  }
}
