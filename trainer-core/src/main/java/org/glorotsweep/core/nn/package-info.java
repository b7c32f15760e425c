/**
 * The paper's networks: the parameters ({@link org.glorotsweep.core.nn.Network}), drawn with an initialiser
 * and carrying an activation and a cost from {@code choice}; a preallocated {@link
 * org.glorotsweep.core.nn.Workspace}; and {@link org.glorotsweep.core.nn.Propagation}, the forward, backward
 * and update logic written once for every precision.
 */
package org.glorotsweep.core.nn;
