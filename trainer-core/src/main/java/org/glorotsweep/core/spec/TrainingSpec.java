package org.glorotsweep.core.spec;

import java.io.Serializable;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Precision;

/**
 * Plain mini-batch SGD as in the paper (section 2.3): the gradient is the mean over a batch of
 * {@code batchSize} examples (the paper uses 10) and every update is W := W - learningRate * gradient,
 * with a constant learning rate and no momentum or weight decay.
 *
 * @param cost the training cost
 * @param batchSize examples per update, &ge; 1
 * @param learningRate the constant step size, finite and &gt; 0
 * @param updates the number of SGD updates, &ge; 0
 * @param precision the element type training runs in
 */
public record TrainingSpec(
    Cost cost, int batchSize, double learningRate, long updates, Precision precision)
    implements Serializable {

  /** The paper's mini-batch size. */
  public static final int PAPER_BATCH_SIZE = 10;

  /** Validates every field; the error names the field, the value and what is allowed. */
  public TrainingSpec {
    SpecCheck.present("training.cost", cost, "one of nll, quadratic");
    SpecCheck.atLeast("training.batch_size", batchSize, 1);
    SpecCheck.positiveFinite("training.learning_rate", learningRate);
    SpecCheck.atLeast("training.updates", updates, 0L);
    SpecCheck.present("training.precision", precision, "one of float32, float64");
  }
}
