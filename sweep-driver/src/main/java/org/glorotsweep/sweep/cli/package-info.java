/**
 * The command line: {@link org.glorotsweep.sweep.cli.Main} dispatches to the subcommands {@code plan},
 * {@code run}, {@code status} and {@code sql}, each parsing its own arguments and returning an exit code (0
 * success, 2 a bad command line, config or query, 3 a sweep with failed trials). {@code sql} is read-only: a
 * statement runs only if its parsed plan is made of query operators; its results print as a table, CSV or
 * JSON lines, one query per call or many on one session from a prompt or standard input.
 */
package org.glorotsweep.sweep.cli;
