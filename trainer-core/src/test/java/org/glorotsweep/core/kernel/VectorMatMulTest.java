package org.glorotsweep.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.ejml.ops.ConvertMatrixData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Vector API products against EJML's, in both precisions, on random shapes: batches of 1 to 10 rows (the
 * short last mini-batch), sizes below, at and around multiples of the vector length, and matrices reshaped
 * below the size of their backing arrays. Each product must agree with EJML's to rounding: |c - c_ejml| &le;
 * 4 k eps sum_p |a_p b_p| per element, k the length of the sum (the bound of any summation order).
 */
class VectorMatMulTest {
  private static final int[] SIZES = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 64, 65, 100, 257};
  private static final double ALPHA = -0.37;
  /** The {@code -XX:MaxVectorSize} (bytes) of a Surefire execution that caps it, set by that execution. */
  private static final String CAP_PROPERTY = "glorotsweep.test.maxVectorSize";

  private final MatMul<FMatrixRMaj> fast32 = KernelChoice.float32().matMul();
  private final MatMul<FMatrixRMaj> ejml32 = EjmlMatMul.float32();
  private final MatMul<DMatrixRMaj> fast64 = KernelChoice.float64().matMul();
  private final MatMul<DMatrixRMaj> ejml64 = EjmlMatMul.float64();

  @BeforeAll
  static void vectorApiIsPresent() {
    assertTrue(KernelChoice.vectorApiAvailable(), "the tests run with --add-modules jdk.incubator.vector");
  }

  @Test
  void nameFollowsThePreferredSpecies() {
    assertEquals("vector" + FloatVector.SPECIES_PREFERRED.vectorBitSize(), fast32.name());
    assertEquals("vector" + DoubleVector.SPECIES_PREFERRED.vectorBitSize(), fast64.name());
  }

  /**
   * In the Surefire executions that cap the JVM's vector size ({@code -XX:MaxVectorSize=32} and {@code 16},
   * as on AVX2 and ARM NEON processors), the cap is in force and the kernels run on vectors within it, so
   * those executions test the narrower paths and not the 512-bit one again.
   */
  @Test
  @EnabledIfSystemProperty(named = CAP_PROPERTY, matches = "\\d+")
  void theKernelsRunWithinTheVectorSizeTheExecutionCaps() {
    int cap = Integer.getInteger(CAP_PROPERTY);
    HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    int inForce = Integer.parseInt(hotSpot.getVMOption("MaxVectorSize").getValue());
    assertTrue(inForce <= cap, "-XX:MaxVectorSize is " + inForce + ", the execution asks for " + cap);
    int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
    assertTrue(bits <= 8 * inForce, bits + "-bit vectors under -XX:MaxVectorSize=" + inForce);
    assertEquals("vector" + bits, fast32.name());
  }

  @Test
  void everyProductAgreesWithEjmlOnOddShapesAndShortBatches() {
    SplittableRandom random = new SplittableRandom(17);
    for (int rows = 1; rows <= 10; rows++) {
      for (int trial = 0; trial < 12; trial++) {
        int k = SIZES[random.nextInt(SIZES.length)];
        int n = SIZES[random.nextInt(SIZES.length)];
        checkShape(rows, k, n, random);
      }
    }
  }

  private void checkShape(int rows, int k, int n, SplittableRandom random) {
    String shape = rows + " x " + k + " x " + n;
    // operands reshaped below their capacity, as in a workspace on a short batch
    DMatrixRMaj z = shortBatch(rows, k, random);
    DMatrixRMaj delta = shortBatch(rows, n, random);
    DMatrixRMaj w = filled(k, n, random);

    checkProduct(MatMul::mult, "mult " + shape, z, w, k, productBound(z, false, w, false));
    checkProduct(MatMul::multTransA, "multTransA " + shape, z, delta, rows, productBound(z, true, delta, false));
    DMatrixRMaj belowBound = productBound(delta, false, w, true);
    checkProduct(MatMul::multTransB, "multTransB " + shape, delta, w, n, belowBound);
    DMatrixRMaj expected = new DMatrixRMaj(1, 1);
    ejml64.multTransB(delta, w, expected);

    // W + alpha z^T delta, alone and fused with delta W^T
    DMatrixRMaj updated = w.copy();
    fast64.multAddTransA(ALPHA, z, delta, updated);
    DMatrixRMaj expectedUpdate = w.copy();
    ejml64.multAddTransA(ALPHA, z, delta, expectedUpdate);
    DMatrixRMaj updateBound = productBound(z, true, delta, false);
    for (int i = 0; i < updateBound.getNumElements(); i++) {
      updateBound.data[i] = Math.abs(w.data[i]) + Math.abs(ALPHA) * updateBound.data[i];
    }
    assertClose(expectedUpdate, updated, rows + 1, updateBound, "multAddTransA " + shape);
    DMatrixRMaj fused = w.copy();
    DMatrixRMaj fusedBelow = new DMatrixRMaj(rows + 3, k);
    fast64.multTransBThenAddTransA(delta, z, ALPHA, fused, fusedBelow);
    assertClose(expectedUpdate, fused, rows + 1, updateBound, "fused update " + shape);
    assertClose(expected, fusedBelow, n, belowBound, "fused below " + shape);
    FMatrixRMaj fused32 = single(w);
    FMatrixRMaj fusedBelow32 = new FMatrixRMaj(1, 1);
    fast32.multTransBThenAddTransA(single(delta), single(z), ALPHA, fused32, fusedBelow32);
    assertClose(expectedUpdate, fused32, rows + 1, updateBound, "fused update float32 " + shape);
    assertClose(expected, fusedBelow32, n, belowBound, "fused below float32 " + shape);
    // the fused update makes the same FMAs in the same order as multAddTransA
    FMatrixRMaj updated32 = single(w);
    fast32.multAddTransA(ALPHA, single(z), single(delta), updated32);
    assertArrayEquals(updated32.data, fused32.data, "fused update float32 bits " + shape);
  }

  /** op(a, b) on the fast float64, fast float32 and EJML float64 kernels: the fast ones agree to rounding. */
  private void checkProduct(Product op, String what, DMatrixRMaj a, DMatrixRMaj b, int terms,
      DMatrixRMaj bound) {
    DMatrixRMaj expected = new DMatrixRMaj(1, 1);
    op.apply(ejml64, a, b, expected);
    DMatrixRMaj actual = new DMatrixRMaj(1, 1);
    op.apply(fast64, a, b, actual);
    assertClose(expected, actual, terms, bound, what);
    FMatrixRMaj actual32 = new FMatrixRMaj(1, 1);
    op.apply(fast32, single(a), single(b), actual32);
    assertClose(expected, actual32, terms, bound, what + " float32");
  }

  /** One of the products c = op(a, b) of {@link MatMul}. */
  private interface Product {
    <M extends ReshapeMatrix> void apply(MatMul<M> matMul, M a, M b, M c);
  }

  /**
   * Bit for bit: batches of 7 rows and of 10 (the update's register-held path, two rows of w at a time, the
   * odd last one repeated), 45 terms (the forward product's blocks of rows of b and a short last one; the
   * update's blocks of rows of w) and 150 columns (whole panels of the forward product at every vector length
   * up to 512 bits, and its overlapping last panel).
   */
  @Test
  void forwardAndUpdateAreTheSequentialFmaSumsBitForBit() {
    int columns = 150;
    SplittableRandom random = new SplittableRandom(5);
    for (int rows : new int[] {7, 10}) {
      FMatrixRMaj a = single(filled(rows, 45, random));
      FMatrixRMaj b = single(filled(45, columns, random));
      FMatrixRMaj c = new FMatrixRMaj(1, 1);
      fast32.mult(a, b, c);
      FMatrixRMaj w = single(filled(45, columns, random));
      FMatrixRMaj d = single(filled(rows, columns, random));
      FMatrixRMaj updated = w.copy();
      fast32.multAddTransA(ALPHA, a, d, updated);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < columns; j++) {
          int row = r;
          int col = j;
          float expected = fmaSum(0f, 45, p -> a.get(row, p), p -> b.get(p, col));
          assertEquals(expected, c.get(r, j), rows + " rows: c[" + r + "][" + j + "]");
        }
      }
      for (int i = 0; i < 45; i++) {
        for (int j = 0; j < columns; j++) {
          int row = i;
          int col = j;
          float expected =
              fmaSum(w.get(i, j), rows, r -> (float) ALPHA * a.get(r, row), r -> d.get(r, col));
          assertEquals(expected, updated.get(i, j), rows + " rows: w[" + i + "][" + j + "]");
        }
      }
    }
  }

  /** initial + x_0 y_0 + x_1 y_1 + ..., in index order, each term added by one Math.fma. */
  private static float fmaSum(float initial, int count, IntToDoubleFunction x, IntToDoubleFunction y) {
    float sum = initial;
    for (int p = 0; p < count; p++) {
      sum = Math.fma((float) x.applyAsDouble(p), (float) y.applyAsDouble(p), sum);
    }
    return sum;
  }

  @Test
  void sameInputsGiveTheSameBits() {
    SplittableRandom random = new SplittableRandom(8);
    FMatrixRMaj delta = single(filled(10, 1000, random));
    FMatrixRMaj w = single(filled(300, 1000, random));
    FMatrixRMaj first = new FMatrixRMaj(1, 1);
    FMatrixRMaj second = new FMatrixRMaj(1, 1);
    fast32.multTransB(delta, w, first);
    for (int i = 0; i < 50; i++) {
      fast32.multTransB(delta, w, second);
      assertArrayEquals(first.data, second.data);
    }
  }

  @Test
  void mismatchedShapesAndAliasesAreRejected() {
    FMatrixRMaj a = new FMatrixRMaj(3, 4);
    FMatrixRMaj c = new FMatrixRMaj(1, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fast32.mult(a, new FMatrixRMaj(5, 2), c));
    assertEquals("mult: inner sizes differ, 3 x 4 times 5 x 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> fast32.mult(a, new FMatrixRMaj(4, 4), a));
    assertThrows(
        IllegalArgumentException.class,
        () -> fast32.multAddTransA(1.0, a, new FMatrixRMaj(3, 2), new FMatrixRMaj(4, 3)));
  }

  /** A matrix of the given shape whose backing array holds 3 more rows of garbage. */
  private static DMatrixRMaj shortBatch(int rows, int cols, SplittableRandom random) {
    DMatrixRMaj m = filled(rows + 3, cols, random);
    m.reshape(rows, cols);
    return m;
  }

  private static DMatrixRMaj filled(int rows, int cols, SplittableRandom random) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.getNumElements(); i++) {
      m.data[i] = (float) random.nextDouble(-1.0, 1.0);
    }
    return m;
  }

  private static FMatrixRMaj single(DMatrixRMaj m) {
    FMatrixRMaj single = new FMatrixRMaj(m.numRows, m.numCols);
    ConvertMatrixData.convert(m, single);
    return single;
  }

  /** sum_p |op(a)_rp op(b)_pj| per element, the scale of the rounding error of op(a) op(b). */
  private static DMatrixRMaj productBound(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB) {
    DMatrixRMaj absA = abs(a);
    DMatrixRMaj absB = abs(b);
    DMatrixRMaj bound = new DMatrixRMaj(1, 1);
    if (transA) {
      org.ejml.dense.row.CommonOps_DDRM.multTransA(absA, absB, bound);
    } else if (transB) {
      org.ejml.dense.row.CommonOps_DDRM.multTransB(absA, absB, bound);
    } else {
      org.ejml.dense.row.CommonOps_DDRM.mult(absA, absB, bound);
    }
    return bound;
  }

  private static DMatrixRMaj abs(DMatrixRMaj m) {
    DMatrixRMaj abs = new DMatrixRMaj(m.numRows, m.numCols);
    for (int i = 0; i < abs.getNumElements(); i++) {
      abs.data[i] = Math.abs(m.data[i]);
    }
    return abs;
  }

  private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, int terms, DMatrixRMaj scale,
      String what) {
    assertClose(expected, actual.numRows, actual.numCols, i -> actual.data[i], terms, scale, Math.ulp(1.0), what);
  }

  private static void assertClose(DMatrixRMaj expected, FMatrixRMaj actual, int terms, DMatrixRMaj scale,
      String what) {
    assertClose(expected, actual.numRows, actual.numCols, i -> actual.data[i], terms, scale, Math.ulp(1f), what);
  }

  private static void assertClose(DMatrixRMaj expected, int rows, int cols,
      IntToDoubleFunction actual, int terms, DMatrixRMaj scale, double eps, String what) {
    assertEquals(expected.numRows, rows, what + ": rows");
    assertEquals(expected.numCols, cols, what + ": cols");
    for (int i = 0; i < expected.getNumElements(); i++) {
      double tolerance = 4 * (terms + 1) * eps * scale.data[i];
      double error = Math.abs(actual.applyAsDouble(i) - expected.data[i]);
      if (!(error <= tolerance)) {
        fail(what + ": element " + i + " is " + actual.applyAsDouble(i) + ", EJML gives " + expected.data[i]
            + " (tolerance " + tolerance + ")");
      }
    }
  }
}
