/**
 * The trainer core: one call, {@link org.glorotsweep.core.TrialRunner#run}, turns an immutable
 * {@link org.glorotsweep.core.spec.TrialSpec} into a {@link org.glorotsweep.core.result.TrialResult} by training
 * one dense feedforward network with SGD on EJML matrices, as in Glorot and Bengio (2010). Pure Java: the
 * build forbids Spark, Scala and Hadoop in this module. Data flows spec -> data set -> network and kernels ->
 * SGD loop with measurements -> result records. {@link org.glorotsweep.core.TrialCostProbe} times the parts of a
 * trial of a given shape through the same code ({@link org.glorotsweep.core.TrialCosts}), so that the driver
 * can quote a sweep's cost before running it.
 */
package org.glorotsweep.core;
