package org.glorotsweep.core.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each initialiser's empirical moments on a 1000 x 1000 layer against its formula. */
class InitializerTest {
  private static final int N = 1000;

  @ParameterizedTest
  @CsvSource({
    // init, fan-in, fan-out, expected variance
    "standard,   1000, 1000, 3.3333333333333335E-4", // 1/(3 n)
    "normalized, 1000, 1000, 0.001",                 // 2/(n_j + n_{j+1})
    "normalized, 1000, 500,  0.0013333333333333333",
    "he,         1000, 1000, 0.002",                 // 2/n
    "lecun,      1000, 1000, 0.001",                 // 1/n
    "orthogonal, 1000, 1000, 0.001",                 // orthonormal columns: sum of squares = n_out
  })
  void momentsMatchTheFormula(String name, int fanIn, int fanOut, double variance) {
    DMatrixRMaj w =
        Initializer.fromConfigName(name).sample(fanIn, fanOut, 1.0, new SplittableRandom(7));
    double mean = CommonOps_DDRM.elementSum(w) / w.getNumElements();
    double secondMoment = CommonOps_DDRM.elementSumAbs(squares(w)) / w.getNumElements();
    double empiricalVariance = secondMoment - mean * mean;
    // the mean's target is 0: "within 2%" is measured against the standard deviation
    assertTrue(Math.abs(mean) < 0.02 * Math.sqrt(variance), () -> name + " mean " + mean);
    assertEquals(variance, empiricalVariance, 0.02 * variance, name + " variance");
  }

  @ParameterizedTest
  @EnumSource(value = Initializer.class, names = {"STANDARD", "NORMALIZED"})
  void uniformBoundsAreNeverExceeded(Initializer init) {
    DMatrixRMaj w = init.sample(N, 300, 1.0, new SplittableRandom(11));
    double bound = init == Initializer.STANDARD ? 1.0 / Math.sqrt(N) : Math.sqrt(6.0 / (N + 300));
    assertTrue(CommonOps_DDRM.elementMaxAbs(w) <= bound);
    // and the draws do reach close to the bound: the range is right, not just bounded
    assertTrue(CommonOps_DDRM.elementMaxAbs(w) > 0.999 * bound);
  }

  @ParameterizedTest
  @CsvSource({"1000, 1000", "1000, 400", "300, 1000"})
  void orthogonalMatricesAreOrthogonal(int fanIn, int fanOut) {
    DMatrixRMaj w = Initializer.ORTHOGONAL.sample(fanIn, fanOut, 1.0, new SplittableRandom(3));
    DMatrixRMaj gram = fanIn >= fanOut ? new DMatrixRMaj(fanOut, fanOut) : new DMatrixRMaj(fanIn, fanIn);
    if (fanIn >= fanOut) {
      CommonOps_DDRM.multTransA(w, w, gram); // W^T W = I
    } else {
      CommonOps_DDRM.multTransB(w, w, gram); // W W^T = I
    }
    assertTrue(MatrixFeatures_DDRM.isIdentity(gram, 1e-5));
  }

  @Test
  void gainScalesEveryWeight() {
    DMatrixRMaj plain = Initializer.HE.sample(20, 10, 1.0, new SplittableRandom(5));
    DMatrixRMaj scaled = Initializer.HE.sample(20, 10, 2.5, new SplittableRandom(5));
    CommonOps_DDRM.scale(2.5, plain);
    assertTrue(MatrixFeatures_DDRM.isIdentical(plain, scaled, 0.0));
  }

  @Test
  void drawsDependOnlyOnTheStream() {
    DMatrixRMaj a = Initializer.NORMALIZED.sample(50, 40, 1.0, new SplittableRandom(9));
    DMatrixRMaj b = Initializer.NORMALIZED.sample(50, 40, 1.0, new SplittableRandom(9));
    DMatrixRMaj c = Initializer.NORMALIZED.sample(50, 40, 1.0, new SplittableRandom(10));
    assertTrue(MatrixFeatures_DDRM.isIdentical(a, b, 0.0));
    assertNotEquals(a.get(0, 0), c.get(0, 0));
  }

  @Test
  void unknownNameListsTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Initializer.fromConfigName("xavier"));
    assertEquals(
        "init: unknown value 'xavier'; allowed: standard, normalized, he, lecun, orthogonal",
        e.getMessage());
  }

  private static DMatrixRMaj squares(DMatrixRMaj w) {
    DMatrixRMaj squares = new DMatrixRMaj(w.numRows, w.numCols);
    CommonOps_DDRM.elementMult(w, w, squares);
    return squares;
  }
}
