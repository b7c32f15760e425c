package org.glorotsweep.core.result;

/**
 * A network's quality on a fixed labelled set.
 *
 * @param error the fraction of misclassified examples, in [0, 1]
 * @param nll the mean negative log-likelihood -log P(y|x) (NaN when the network has diverged)
 */
public record Evaluation(double error, double nll) {}
