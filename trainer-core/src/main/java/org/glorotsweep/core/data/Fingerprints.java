package org.glorotsweep.core.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form every {@link Dataset#fingerprint()} takes. */
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

  /** The hex of what {@code digest} has seen so far; resets the digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 hex of {@code text} in UTF-8. */
  public static String ofText(String text) {
    MessageDigest digest = newDigest();
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    return hex(digest);
  }
}
