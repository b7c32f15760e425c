package org.glorotsweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.junit.jupiter.api.Test;

/** The trial id and seed formulas, checked against a computation written independently here. */
class TrialIdentityTest {
  private static final TrialSpec SPEC = PaperTrials.tanh5x1000(Initializer.NORMALIZED, 2);

  @Test
  void idIsTheFirstSixteenBytesOfTheSpecsSha256InHex() throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(SPEC.toJson().getBytes(StandardCharsets.UTF_8));
    // 32 hex digits, leading zeros kept: the top 128 bits of the digest.
    String expected = String.format("%064x", new BigInteger(1, digest)).substring(0, 32);
    assertEquals(expected, TrialIdentity.trialId(SPEC));
  }

  @Test
  void seedIsTheFirstEightBytesOfTheSha256OfSweepSeedColonId() throws NoSuchAlgorithmException {
    String id = TrialIdentity.trialId(SPEC);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(("-42:" + id).getBytes(StandardCharsets.UTF_8));
    long expected = 0;
    for (int i = 0; i < 8; i++) {
      expected = (expected << 8) | (digest[i] & 0xff);
    }
    assertEquals(expected, TrialIdentity.trialSeed(-42, id));
  }

  @Test
  void equalSpecsHaveEqualIdsAndAnyDifferenceChangesIt() {
    TrialSpec rebuilt =
        new TrialSpec(
            new NetworkSpec(
                1024, List.of(1000, 1000, 1000, 1000, 1000), 9, Activation.TANH, Initializer.NORMALIZED, 1.0),
            SPEC.training(),
            new DataSpec("shapeset", new TreeMap<>()),
            SPEC.monitor(),
            2);
    assertEquals(TrialIdentity.trialId(SPEC), TrialIdentity.trialId(rebuilt));
    Set<String> ids = new HashSet<>();
    for (long repeat = 0; repeat < 100; repeat++) {
      ids.add(TrialIdentity.trialId(SPEC.withSeed(repeat)));
    }
    assertEquals(100, ids.size());
  }

  @Test
  void seedsOfOneIdDifferAcrossSweepSeeds() {
    String id = TrialIdentity.trialId(SPEC);
    Set<Long> seeds = new HashSet<>();
    for (long sweepSeed = 0; sweepSeed < 100; sweepSeed++) {
      seeds.add(TrialIdentity.trialSeed(sweepSeed, id));
    }
    assertEquals(100, seeds.size());
    String otherRepeat = TrialIdentity.trialId(SPEC.withSeed(3));
    assertNotEquals(TrialIdentity.trialSeed(1, id), TrialIdentity.trialSeed(1, otherRepeat));
    assertTrue(TrialIdentity.trialId(SPEC).matches("[0-9a-f]{32}"));
  }
}
