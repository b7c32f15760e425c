package org.glorotsweep.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash of the project: data set fingerprints ({@code Dataset#fingerprint()}), the digest of
 * a network's weights ({@code Network#sha256()}) and trial ids and seeds (sweep-driver's
 * {@code TrialIdentity}). The digest is set up here and nowhere else.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** A fresh SHA-256 digest (every Java platform is required to provide one). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks SHA-256, which every platform must have", e);
    }
  }

  /** The lower-case hex of what {@code digest} has seen so far; resets the digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The 32 bytes of SHA-256 of {@code text} in UTF-8. */
  public static byte[] digestOfText(String text) {
    return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of {@code text} in UTF-8, as lower-case hex. */
  public static String ofText(String text) {
    return HexFormat.of().formatHex(digestOfText(text));
  }
}
