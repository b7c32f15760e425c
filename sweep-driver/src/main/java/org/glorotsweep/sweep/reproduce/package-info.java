/**
 * Scheduled reproducibility runs, the logic without Spark jobs of its own: which committed trials to run again
 * ({@link org.glorotsweep.sweep.reproduce.TrialChoice}), how far their numbers may move
 * ({@link org.glorotsweep.sweep.reproduce.Tolerances}), the comparison of re-run with committed rows and the
 * verdict and likely cause of each, in Spark SQL ({@link org.glorotsweep.sweep.reproduce.Comparison}), and
 * what a run found ({@link org.glorotsweep.sweep.reproduce.ReproductionSummary},
 * {@link org.glorotsweep.sweep.reproduce.ReproductionHistory}). The spark package runs the trials and commits
 * the verdicts to the {@code reproductions} table.
 */
package org.glorotsweep.sweep.reproduce;
