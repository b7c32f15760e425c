/**
 * What a trial produces, as immutable records: status, learning curves, a digest of the final weights and the
 * provenance (code version, runtime, kernel, data fingerprint) that qualifies the numbers.
 */
package org.glorotsweep.core.result;
