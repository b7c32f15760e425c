/**
 * The sweep on Spark: {@link org.glorotsweep.sweep.spark.SweepDriver} takes the sweep's {@link
 * org.glorotsweep.sweep.spark.SweepLease} (one driver per sweep and output), puts the output in order from an
 * {@link org.glorotsweep.sweep.spark.OutputInventory} (staging and uncommitted trials' files removed, damaged
 * committed trials retracted), then runs one task per trial, {@code TrialTask}, which trains it on its
 * executor's core and commits its rows with the results package's commit protocol; progress comes from
 * Spark's status tracker. {@link org.glorotsweep.sweep.spark.ResultViews} reads the tables back as SQL views
 * that show committed trials only. Data files are read through Hadoop, so any Hadoop file system serves.
 */
package org.glorotsweep.sweep.spark;
