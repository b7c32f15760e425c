/**
 * The command line, run through {@code spark-submit} by {@code submit.sh}: {@link
 * org.glorotsweep.sweep.cli.Main} dispatches a subcommand ({@code plan}, {@code run}, {@code status},
 * {@code sql}) to its {@link org.glorotsweep.sweep.cli.Command}. A command parses its own arguments, loads
 * and validates a sweep file through {@code config} before any Spark work starts, and leaves the work to
 * {@code spark} (running trials) or to Spark SQL over the result views (reading them). Usage and config
 * errors are printed as one short message with exit code 2; nothing here trains or computes results.
 */
package org.glorotsweep.sweep.cli;
