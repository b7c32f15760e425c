/**
 * The paper's networks: activations (sigmoid, tanh, softsign, and relu and identity beyond the paper),
 * initialisations (standard, normalized, and he, lecun, orthogonal), the softmax costs, the parameters
 * ({@link org.glorotsweep.core.nn.Network}), a preallocated {@link org.glorotsweep.core.nn.Workspace}, and
 * {@link org.glorotsweep.core.nn.Propagation}, the forward, backward and update logic written once for every
 * precision.
 */
package org.glorotsweep.core.nn;
