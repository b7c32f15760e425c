/**
 * Trial checkpoints: a trial's complete training state as a value ({@link
 * org.glorotsweep.core.checkpoint.TrialCheckpoint}), its compact binary form with a digest ({@link
 * org.glorotsweep.core.checkpoint.CheckpointFormat}), and the store a runner saves to and resumes from ({@link
 * org.glorotsweep.core.checkpoint.CheckpointStore}). A trial resumed from a checkpoint of its own spec, maths
 * version, kernel and data ends bit for bit where an uninterrupted run ends; any other checkpoint is rejected
 * with a reason and the trial starts afresh.
 */
package org.glorotsweep.core.checkpoint;
