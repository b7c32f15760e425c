/**
 * The paper's per-layer measurements, taken while a trial trains (Glorot and Bengio 2010, section 3 and 4;
 * paper-spec section 3): at each measurement point, {@link org.glorotsweep.core.monitor.LayerMonitor} propagates
 * a fixed monitor set of test examples forward and back on a workspace of its own, and summarises each layer's
 * activations, back-propagated gradients, weight gradients, weights, update ratio and, more sparsely, the
 * singular values of the hidden-to-hidden Jacobians. The results leave as flat records
 * ({@link org.glorotsweep.core.result.LayerStatistics}, {@link org.glorotsweep.core.result.Histogram}) that the
 * driver stores as table rows; monitoring never changes the training state or its random streams.
 */
package org.glorotsweep.core.monitor;
