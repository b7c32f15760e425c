package org.glorotsweep.core.checkpoint;

import org.glorotsweep.core.hash.Fingerprints;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.Trainer;

/**
 * What a checkpoint belongs to: the only run it may resume is one of the same trial spec, trained by code of
 * the same maths version with the same matrix kernel (kernels differ in the last bits) on the same data.
 *
 * @param specSha256 SHA-256 (hex) of the spec's canonical JSON
 * @param mathsVersion {@link Trainer#MATHS_VERSION} of the code that trained
 * @param kernel the name of the matrix-product kernel
 * @param dataFingerprint the data set's fingerprint
 */
public record CheckpointIdentity(String specSha256, int mathsVersion, String kernel, String dataFingerprint) {

  /** The identity of {@code spec} trained by this code with {@code kernel} on data {@code dataFingerprint}. */
  public static CheckpointIdentity of(TrialSpec spec, String kernel, String dataFingerprint) {
    return new CheckpointIdentity(Fingerprints.ofText(spec.toJson()), Trainer.MATHS_VERSION, kernel, dataFingerprint);
  }

  /**
   * Why a checkpoint of identity {@code found} cannot resume a run of this identity, or null when it can.
   */
  String mismatch(CheckpointIdentity found) {
    if (!specSha256.equals(found.specSha256)) {
      return "it belongs to another trial spec (spec SHA-256 " + found.specSha256 + ", expected " + specSha256
          + ")";
    }
    if (mathsVersion != found.mathsVersion) {
      return "it was written by code of maths version " + found.mathsVersion + ", this code is version "
          + mathsVersion;
    }
    if (!kernel.equals(found.kernel)) {
      return "it was trained with kernel " + found.kernel + ", this JVM uses " + kernel;
    }
    if (!dataFingerprint.equals(found.dataFingerprint)) {
      return "it was trained on data with fingerprint " + found.dataFingerprint + ", the data now has "
          + dataFingerprint;
    }
    return null;
  }
}
