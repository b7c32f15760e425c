package org.glorotsweep.core.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The one SHA-256 helper gives the published test vectors (FIPS 180-2, appendix B.1) in every form. */
class FingerprintsTest {
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void textGivesThePublishedDigestAsHexAndAsBytes() {
    assertEquals(ABC, Fingerprints.ofText("abc"));
    assertEquals(EMPTY, Fingerprints.ofText(""));
    assertArrayEquals(HexFormat.of().parseHex(ABC), Fingerprints.digestOfText("abc"));
  }

  @Test
  void hexFinishesAStreamedDigestAndResetsIt() {
    MessageDigest digest = Fingerprints.newDigest();
    digest.update("a".getBytes(StandardCharsets.UTF_8));
    digest.update("bc".getBytes(StandardCharsets.UTF_8));
    assertEquals(ABC, Fingerprints.hex(digest));
    assertEquals(EMPTY, Fingerprints.hex(digest));
  }

  @Test
  void textIsEncodedAsUtf8() {
    assertEquals(
        HexFormat.of().formatHex(Fingerprints.newDigest().digest(new byte[] {(byte) 0xc3, (byte) 0xa9})),
        Fingerprints.ofText("\u00e9"));
  }
}
