/**
 * The result tables as a public interface: their columns ({@link org.glorotsweep.sweep.results.ResultTable}),
 * a trial's rows ({@link org.glorotsweep.sweep.results.TrialRows}), the Parquet files that hold them, where
 * they live under an output ({@link org.glorotsweep.sweep.results.OutputLayout}), and the protocol that
 * publishes each trial's files exactly once ({@link org.glorotsweep.sweep.results.TrialCommitter}). Nothing
 * here starts Spark jobs; files go through Hadoop's file system API.
 */
package org.glorotsweep.sweep.results;
