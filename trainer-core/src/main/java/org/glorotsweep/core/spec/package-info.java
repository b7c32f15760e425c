/**
 * Immutable, validated records that say what a trial is: network architecture, SGD settings, data set,
 * monitoring and seed. Each compact constructor rejects bad values with a message naming the field, the
 * value and what is allowed; {@link org.glorotsweep.core.spec.TrialSpec#toJson()} is the canonical text that
 * trial ids are hashed from.
 */
package org.glorotsweep.core.spec;
