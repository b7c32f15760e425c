/**
 * The one seam through which tests make a sweep fail as a crash would: {@link
 * org.glorotsweep.sweep.faults.FaultInjector}, a small interface whose points the driver, the tasks and the
 * commit protocol call at the moments where a real failure hurts most (before a trial trains, between the
 * publishes of a commit, between progress reports). Production runs use its no-op; a test names its own
 * implementation in one Spark property, which reaches every JVM of the application (driver and executors
 * alike), so production classes carry no test-only parameters.
 */
package org.glorotsweep.sweep.faults;
