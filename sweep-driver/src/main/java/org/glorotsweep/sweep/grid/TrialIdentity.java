package org.glorotsweep.sweep.grid;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.glorotsweep.core.hash.Fingerprints;
import org.glorotsweep.core.spec.TrialSpec;

/**
 * A trial's identity, from content alone.
 *
 * <ul>
 *   <li>id = hex(SHA-256(UTF-8(canonical JSON of the spec whose seed is the repeat index))[0..16)), 32 hex
 *       digits. The same spec has the same id in any sweep file, at any position.
 *   <li>seed = the first 8 bytes, big-endian, of SHA-256(UTF-8(sweepSeed + ":" + id)), as a signed long, with
 *       sweepSeed in decimal. It depends on nothing but the sweep seed and the id, so a trial's results do not
 *       depend on expansion order, partitioning or retries, and another sweep seed gives independent repeats.
 * </ul>
 */
public final class TrialIdentity {
  private static final int ID_BYTES = 16;

  private TrialIdentity() {}

  /**
   * The trial id of a spec.
   *
   * @param identitySpec the spec with seed = repeat index (before seed derivation)
   */
  public static String trialId(TrialSpec identitySpec) {
    byte[] digest = Fingerprints.digestOfText(identitySpec.toJson());
    return HexFormat.of().formatHex(Arrays.copyOf(digest, ID_BYTES));
  }

  /** The seed of trial {@code trialId} in a sweep whose seed is {@code sweepSeed}. */
  public static long trialSeed(long sweepSeed, String trialId) {
    return ByteBuffer.wrap(Fingerprints.digestOfText(sweepSeed + ":" + trialId)).getLong();
  }
}
