/**
 * The Spark side of a sweep. {@link org.glorotsweep.sweep.spark.SweepDriver} runs on the driver: it decides
 * which planned trials still have to run and submits one task per trial, longest first; each task ({@code
 * TrialTask}) trains its trial on one executor core with trainer-core and commits the rows itself, so results
 * go from executors straight to the output and the driver holds only the plan and counters. {@link
 * org.glorotsweep.sweep.spark.ResultViews} exposes the committed tables to Spark SQL; the Hadoop adapters read
 * data sets from any Hadoop file system. No maths is done here beyond SQL.
 */
package org.glorotsweep.sweep.spark;
