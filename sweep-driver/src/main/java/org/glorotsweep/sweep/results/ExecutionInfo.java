package org.glorotsweep.sweep.results;

/**
 * Where and how a trial attempt ran: facts about the executor, not part of the deterministic result.
 *
 * @param host the executor's host name
 * @param attempt the Spark task attempt number (0 = first)
 * @param sparkVersion the executor's Spark version
 * @param wallSeconds the attempt's wall-clock time
 */
public record ExecutionInfo(String host, int attempt, String sparkVersion, double wallSeconds) {}
