package org.glorotsweep.core.result;

import java.util.OptionalDouble;

/**
 * One point of a trial's learning curves (paper Fig. 11 and 12), measured after {@code update} updates.
 *
 * @param update the number of updates done; 0 is the initialisation
 * @param trainingCost the mean training cost per example over the updates since the previous point; empty at
 *     update 0, where no training has happened
 * @param validation error and NLL on the validation set (or its evaluation subset)
 * @param test error and NLL on the test set (or its evaluation subset)
 */
public record CurvePoint(long update, OptionalDouble trainingCost, Evaluation validation, Evaluation test) {}
