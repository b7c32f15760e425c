/**
 * What a trial produces, as immutable records: status, learning curves, per-layer traces (flat
 * {@link org.glorotsweep.core.result.LayerStatistics} rows and {@link org.glorotsweep.core.result.Histogram}s of
 * each {@link org.glorotsweep.core.result.Quantity}), a digest of the final weights and the provenance (code
 * version, runtime, kernel, data fingerprint) that qualifies the numbers.
 */
package org.glorotsweep.core.result;
