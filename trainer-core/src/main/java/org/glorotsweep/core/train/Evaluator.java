package org.glorotsweep.core.train;

import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.result.Evaluation;

/**
 * Classification error and mean negative log-likelihood of a network on a fixed set, computed in chunks on
 * a workspace of its own, so evaluating never touches the training workspace or any random stream.
 *
 * @param <M> the EJML matrix type of the precision
 */
final class Evaluator<M extends ReshapeMatrix> {
  /** Rows propagated at once. */
  static final int CHUNK = 250;

  private final Propagation<M> propagation;
  private final float[] features;
  private final int[] labels;

  Evaluator(Network<M> network) {
    this.propagation = new Propagation<>(network, new Workspace<>(network.spec(), network.kernels(), CHUNK));
    this.features = new float[CHUNK * network.spec().inputSize()];
    this.labels = new int[CHUNK];
  }

  /** error = (1/N) #{n : argmax_k s^L_nk != y_n},  nll = (1/N) sum_n -log p_{y_n}(x_n). */
  Evaluation evaluate(LabeledSet set) {
    long wrong = 0;
    double nll = 0.0;
    for (int first = 0; first < set.size(); first += CHUNK) {
      int rows = Math.min(CHUNK, set.size() - first);
      set.copyRows(first, rows, features, labels);
      propagation.forward(features, rows);
      nll += propagation.cost(Cost.NLL, labels);
      for (int r = 0; r < rows; r++) {
        if (propagation.predictedClass(r) != labels[r]) {
          wrong++;
        }
      }
    }
    return new Evaluation((double) wrong / set.size(), nll / set.size());
  }
}
