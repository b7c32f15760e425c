/** Test fixtures of the driver's tests: small data files written on the fly, and ways to break them. */
package org.glorotsweep.sweep.testing;
