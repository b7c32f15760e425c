/**
 * SHA-256 for the whole project, in one place: {@link org.glorotsweep.core.hash.Fingerprints} sets up the
 * digest and formats it as hex for data set fingerprints, network weight digests and trial identities. A leaf
 * package that depends on nothing of ours, so every layer (data, nn, and sweep-driver) may use it.
 */
package org.glorotsweep.core.hash;
