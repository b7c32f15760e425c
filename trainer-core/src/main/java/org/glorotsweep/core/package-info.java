/**
 * The trainer core: one call, {@link org.glorotsweep.core.TrialRunner#run}, turns an immutable
 * {@link org.glorotsweep.core.spec.TrialSpec} into a {@link org.glorotsweep.core.result.TrialResult} by training
 * one dense feedforward network with SGD on EJML matrices, as in Glorot and Bengio (2010). Pure Java: the
 * build forbids Spark, Scala and Hadoop in this module. Data flows spec -> data set -> network and kernels ->
 * SGD loop with measurements -> result records.
 */
package org.glorotsweep.core;
