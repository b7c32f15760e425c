package org.glorotsweep.sweep.spark;

import java.io.Serializable;
import java.time.Duration;
import org.glorotsweep.sweep.config.CheckpointPolicy;

/**
 * What every task of a sweep needs besides its trial, shipped once per task.
 *
 * @param sweep the sweep's name (the partition value)
 * @param output the output location
 * @param timeout the per-trial wall-clock limit, or null for none
 * @param checkpoints when trials save checkpoints
 * @param maxAttempts Spark's {@code spark.task.maxFailures}: the last attempt records any error as a result
 * @param hadoop the driver's Hadoop configuration
 */
record SweepContext(
    String sweep,
    String output,
    Duration timeout,
    CheckpointPolicy checkpoints,
    int maxAttempts,
    SerializableConfiguration hadoop)
    implements Serializable {}
