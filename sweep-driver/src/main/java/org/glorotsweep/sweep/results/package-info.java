/**
 * The result tables as a public interface, and how a trial's rows become durable. {@link
 * org.glorotsweep.sweep.results.ResultTable} declares each table's columns once, with explicit types and
 * nullability, from which both the Parquet schema (writing) and the Spark schema (reading) derive; {@link
 * org.glorotsweep.sweep.results.TrialRows} turns one trainer {@code TrialResult} into rows of every table;
 * {@link org.glorotsweep.sweep.results.ParquetRows} writes them with parquet-hadoop, no Spark on the write
 * path; {@link org.glorotsweep.sweep.results.TrialCommitter} stages and publishes them under deterministic
 * names so that each trial is visible exactly once. The tables are read by other engines (DuckDB, pandas) as
 * well as by this project's Spark views.
 */
package org.glorotsweep.sweep.results;
