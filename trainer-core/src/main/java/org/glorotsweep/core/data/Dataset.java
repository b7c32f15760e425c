package org.glorotsweep.core.data;

import java.util.SplittableRandom;

/**
 * A loaded data set: its shape, where training examples come from, and the fixed validation and test sets.
 * Implementations are immutable and thread-safe, so one instance serves every trial in a JVM.
 */
public interface Dataset {

  /** The catalogue name, e.g. {@code "shapeset"}. */
  String name();

  /** Values per example (n_0 of the network). */
  int inputSize();

  /** The number of classes K. */
  int classes();

  /**
   * A SHA-256 (hex) of what determines the examples: the files' bytes, or a generator's parameters and
   * version. Recorded with every result for provenance.
   */
  String fingerprint();

  /**
   * A new stream of training mini-batches.
   *
   * @param dataOrder the trial's data-order random stream; the stream's examples are a function of it. Modified.
   */
  TrainingStream trainingStream(SplittableRandom dataOrder);

  /** The fixed validation set. */
  LabeledSet validation();

  /** The fixed test set. */
  LabeledSet test();
}
