/**
 * The SGD loop of a trial: its random streams ({@link org.glorotsweep.core.train.TrialRandom}), when it is
 * measured ({@link org.glorotsweep.core.train.MeasurementSchedule}), evaluation on the fixed validation and
 * test sets, divergence and time-out handling ({@link org.glorotsweep.core.train.Trainer}).
 */
package org.glorotsweep.core.train;
