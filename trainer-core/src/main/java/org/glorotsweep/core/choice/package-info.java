/**
 * The closed sets a trial chooses from, with their behaviour: the hidden {@link
 * org.glorotsweep.core.choice.Activation} (its value and its derivative from the output, as in section 2 of
 * Glorot and Bengio, 2010), the weight {@link org.glorotsweep.core.choice.Initializer} (the paper's standard
 * and normalized distributions and three beyond it), the training {@link org.glorotsweep.core.choice.Cost}
 * and the floating-point {@link org.glorotsweep.core.choice.Precision}, each looked up by its config name
 * through {@link org.glorotsweep.core.choice.ConfigNames}. This package is the bottom layer of trainer-core:
 * it depends on no other package of the project, so the specs that name a choice and the networks and
 * kernels that carry it out all see it without seeing each other.
 */
package org.glorotsweep.core.choice;
