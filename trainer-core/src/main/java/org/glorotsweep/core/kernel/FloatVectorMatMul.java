// Written by hand: Float64Twins (trainer-core's tests) generates DoubleVectorMatMul.java from this file.
package org.glorotsweep.core.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;

/**
 * The products of an SGD step on the Java Vector API ({@code jdk.incubator.vector}), single-threaded, for the
 * thin shapes of mini-batch training: a batch of B rows (B = 10 in the paper) times n_i x n_{i+1} weights.
 *
 * <p>Load this class only when the module is present: {@link KernelChoice} checks.
 *
 * <p>Each product keeps a fixed order of operations, so its bits depend only on the inputs and the vector
 * length (part of {@link #name()}):
 *
 * <ul>
 *   <li>{@code c = a b} and {@code c := c + alpha a^T b} accumulate every output element in one lane, with
 *       one fused multiply-add per term, in the order of the summation index; the scalar tail does the same
 *       with {@link Math#fma}, so these two are exactly the sequential FMA sums, whatever the vector length.
 *   <li>{@code c = a b^T} sums each dot product in {@link #LANES} partial sums (lane k takes the terms
 *       j = k mod LANES), folds them pairwise in a fixed tree and adds the scalar tail last; the fused
 *       back-propagation puts the tail into the partial sums instead (its last vector overlaps the one
 *       before), so its bits differ from {@code multTransB}'s when n is not a multiple of LANES.
 * </ul>
 *
 * Rows of the left operand are taken {@link #BLOCK} at a time so that every weight loaded is used
 * {@code BLOCK} times; a short last block repeats its last row, whose duplicate result is discarded or
 * stored again unchanged.
 */
final class FloatVectorMatMul implements MatMul<FMatrixRMaj> {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  /** Elements per vector. */
  static final int LANES = SPECIES.length();
  /** Rows of the left operand per register block. */
  private static final int BLOCK = 5;
  /** Vectors per forward panel. */
  private static final int PANEL_VECTORS = 4;
  /** Columns of a forward panel. */
  private static final int PANEL = PANEL_VECTORS * LANES;
  /**
   * Rows of b per block of the forward product: the product walks b a block at a time, so that the memory
   * it reads is a few dozen streams the prefetchers follow rather than one per row of b (1,000 for a hidden
   * layer of the paper's network), which measured 3 times slower with b coming from memory.
   */
  private static final int FORWARD_ROWS = 16;
  /** Vectors of one row updated together by {@link #addRow}. */
  private static final int UPDATE_VECTORS = 4;
  /** The largest batch {@link #fusedRow} holds in registers: ten dot products and ten update coefficients. */
  private static final int FUSED_ROWS = 10;
  /** Rotations by LANES/2, LANES/4, ..., 1 lanes: the fixed tree in which dot products sum their lanes. */
  private static final VectorShuffle<Float>[] FOLDS = folds();
  /** FRESH_LANES[t]: the last t lanes, those of a row's last vector not covered by the one before. */
  private static final VectorMask<Float>[] FRESH_LANES = freshLanes();
  /**
   * Rows of w the fused pass and the first layer's update read ahead with {@link #touch} before computing on
   * them (the forward product reads each of its blocks of {@link #FORWARD_ROWS} rows ahead the same way).
   */
  private static final int TOUCH_ROWS = 16;

  /**
   * The sum of the elements {@link #touch} read, kept only so that the JIT cannot drop those reads; never
   * read, and racy writes to it are harmless.
   */
  private float touched;

  @Override
  public String name() {
    return "vector" + SPECIES.vectorBitSize();
  }

  /**
   * c = a b, with a m x k, b k x n and c reshaped to m x n. The rows of b go in blocks of
   * {@link #FORWARD_ROWS}, and within a block the columns in panels of {@link #PANEL_VECTORS} vectors, each
   * panel's sums carried from block to block in c (the last panel, overlapping the one before when n is not a
   * multiple of the panel, in a scratch array copied to c at the end, the same values for the columns both
   * hold); narrower matrices go through the scalar loop.
   */
  @Override
  public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    Shapes.product("mult", a.numRows, a.numCols, b.numRows, b.numCols, a, b, c);
    c.reshape(a.numRows, b.numCols);
    int m = a.numRows;
    int k = a.numCols;
    int n = b.numCols;
    if (n < PANEL) {
      scalarMult(a, b, c);
      return;
    }
    int full = n - n % PANEL;
    float[] overlap = full < n ? new float[m * PANEL] : null;
    float sink = 0f;
    for (int p0 = 0; p0 < k; p0 += FORWARD_ROWS) {
      int p1 = Math.min(p0 + FORWARD_ROWS, k);
      sink += touch(b.data, p0 * n, p1 * n);
      for (int r = 0; r < m; r += BLOCK) {
        for (int j = 0; j < full; j += PANEL) {
          multPanel(a, b, j, r, p0, p1, c.data, j, n);
        }
        if (overlap != null) {
          multPanel(a, b, n - PANEL, r, p0, p1, overlap, 0, PANEL);
        }
      }
    }
    if (overlap != null) {
      for (int r = 0; r < m; r++) {
        System.arraycopy(overlap, r * PANEL, c.data, r * n + n - PANEL, PANEL);
      }
    }
    touched = sink;
  }

  /** c = a^T b, with a m x k, b m x n and c reshaped to k x n: c := 0, then c := c + 1 a^T b. */
  @Override
  public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    Shapes.product("multTransA", a.numCols, a.numRows, b.numRows, b.numCols, a, b, c);
    c.reshape(a.numCols, b.numCols);
    Arrays.fill(c.data, 0, c.getNumElements(), 0f);
    multAddTransA(1.0, a, b, c);
  }

  /** c = a b^T, with a m x n, b k x n and c reshaped to m x k: c_ri = a_r . b_i, row i of b at a time. */
  @Override
  public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    Shapes.product("multTransB", a.numRows, a.numCols, b.numCols, b.numRows, a, b, c);
    c.reshape(a.numRows, b.numRows);
    for (int i = 0; i < b.numRows; i++) {
      dotRow(a, b, i, c);
    }
  }

  /**
   * c := c + alpha a^T b, with a m x k, b m x n and c k x n, row i of c at a time: for a batch of exactly
   * {@link #FUSED_ROWS} rows by {@link #updateRows}, else by {@link #addRow}, the same FMAs in the same order.
   */
  @Override
  public void multAddTransA(double alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    Shapes.accumulate("multAddTransA", a, b, c);
    if (a.numRows == FUSED_ROWS && c.numCols >= LANES) {
      float[] packed = packByVector(b);
      int n = c.numCols;
      float sink = 0f;
      for (int i0 = 0; i0 < c.numRows; i0 += TOUCH_ROWS) {
        int i1 = Math.min(i0 + TOUCH_ROWS, c.numRows);
        sink += touch(c.data, i0 * n, i1 * n);
        for (int i = i0; i < i1; i += 2) {
          updateRows((float) alpha, a, packed, i, Math.min(i + 1, c.numRows - 1), c);
        }
      }
      touched = sink;
    } else {
      for (int i = 0; i < c.numRows; i++) {
        addRow((float) alpha, a, b, i, c);
      }
    }
  }

  /**
   * below = delta w^T, then w := w + alpha input^T delta, in one pass over w: row i of w gives column i of
   * {@code below} and is updated while it is in the cache; for batches of up to {@link #FUSED_ROWS} rows,
   * each vector of the row is loaded once for both (see {@link #fusedRow}). The update gets the same FMAs,
   * in the same order, as {@link #multAddTransA}.
   */
  @Override
  public void multTransBThenAddTransA(
      FMatrixRMaj delta, FMatrixRMaj input, double alpha, FMatrixRMaj w, FMatrixRMaj below) {
    Shapes.product("multTransBThenAddTransA", delta.numRows, delta.numCols, w.numCols, w.numRows, delta, w,
        below);
    Shapes.accumulate("multTransBThenAddTransA", input, delta, w);
    Shapes.distinct("multTransBThenAddTransA", input, below);
    below.reshape(delta.numRows, w.numRows);
    if (delta.numRows <= FUSED_ROWS && w.numCols >= LANES) {
      float[] packed = packByVector(delta);
      int n = w.numCols;
      float sink = 0f;
      for (int i0 = 0; i0 < w.numRows; i0 += TOUCH_ROWS) {
        int i1 = Math.min(i0 + TOUCH_ROWS, w.numRows);
        sink += touch(w.data, i0 * n, i1 * n);
        for (int i = i0; i < i1; i++) {
          fusedRow((float) alpha, packed, delta.numRows, input, i, w, below);
        }
      }
      touched = sink;
    } else {
      for (int i = 0; i < w.numRows; i++) {
        // below_ri = delta_r . w_i, with the old w_i
        dotRow(delta, w, i, below);
        // w_i := w_i + alpha sum_r input_ri delta_r
        addRow((float) alpha, input, delta, i, w);
      }
    }
  }

  /**
   * Rows r..r+BLOCK-1 of a times rows p0..p1-1 of b, columns j..j+PANEL-1, added to the BLOCK x
   * PANEL_VECTORS sums (20 vectors, in registers) kept in {@code sums} (row q's at {@code column + q *
   * stride}; zero instead when p0 is 0), p1 - p0 FMAs each in order of p. Rows past the end repeat row m-1
   * and store its values again.
   */
  private static void multPanel(
      FMatrixRMaj a, FMatrixRMaj b, int j, int r, int p0, int p1, float[] sums, int column, int stride) {
    int m = a.numRows;
    int k = a.numCols;
    int n = b.numCols;
    float[] ad = a.data;
    float[] bd = b.data;
    int last = m - 1;
    int a0 = r * k;
    int a1 = Math.min(r + 1, last) * k;
    int a2 = Math.min(r + 2, last) * k;
    int a3 = Math.min(r + 3, last) * k;
    int a4 = Math.min(r + 4, last) * k;
    int c0 = r * stride + column;
    int c1 = Math.min(r + 1, last) * stride + column;
    int c2 = Math.min(r + 2, last) * stride + column;
    int c3 = Math.min(r + 3, last) * stride + column;
    int c4 = Math.min(r + 4, last) * stride + column;
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = c00;
    FloatVector c02 = c00;
    FloatVector c03 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c12 = c00;
    FloatVector c13 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c22 = c00;
    FloatVector c23 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    FloatVector c32 = c00;
    FloatVector c33 = c00;
    FloatVector c40 = c00;
    FloatVector c41 = c00;
    FloatVector c42 = c00;
    FloatVector c43 = c00;
    if (p0 > 0) {
      c00 = FloatVector.fromArray(SPECIES, sums, c0);
      c01 = FloatVector.fromArray(SPECIES, sums, c0 + LANES);
      c02 = FloatVector.fromArray(SPECIES, sums, c0 + 2 * LANES);
      c03 = FloatVector.fromArray(SPECIES, sums, c0 + 3 * LANES);
      c10 = FloatVector.fromArray(SPECIES, sums, c1);
      c11 = FloatVector.fromArray(SPECIES, sums, c1 + LANES);
      c12 = FloatVector.fromArray(SPECIES, sums, c1 + 2 * LANES);
      c13 = FloatVector.fromArray(SPECIES, sums, c1 + 3 * LANES);
      c20 = FloatVector.fromArray(SPECIES, sums, c2);
      c21 = FloatVector.fromArray(SPECIES, sums, c2 + LANES);
      c22 = FloatVector.fromArray(SPECIES, sums, c2 + 2 * LANES);
      c23 = FloatVector.fromArray(SPECIES, sums, c2 + 3 * LANES);
      c30 = FloatVector.fromArray(SPECIES, sums, c3);
      c31 = FloatVector.fromArray(SPECIES, sums, c3 + LANES);
      c32 = FloatVector.fromArray(SPECIES, sums, c3 + 2 * LANES);
      c33 = FloatVector.fromArray(SPECIES, sums, c3 + 3 * LANES);
      c40 = FloatVector.fromArray(SPECIES, sums, c4);
      c41 = FloatVector.fromArray(SPECIES, sums, c4 + LANES);
      c42 = FloatVector.fromArray(SPECIES, sums, c4 + 2 * LANES);
      c43 = FloatVector.fromArray(SPECIES, sums, c4 + 3 * LANES);
    }
    for (int p = p0, bi = p0 * n + j; p < p1; p++, bi += n) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, bd, bi);
      FloatVector b1 = FloatVector.fromArray(SPECIES, bd, bi + LANES);
      FloatVector b2 = FloatVector.fromArray(SPECIES, bd, bi + 2 * LANES);
      FloatVector b3 = FloatVector.fromArray(SPECIES, bd, bi + 3 * LANES);
      FloatVector x = FloatVector.broadcast(SPECIES, ad[a0 + p]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      c02 = x.fma(b2, c02);
      c03 = x.fma(b3, c03);
      x = FloatVector.broadcast(SPECIES, ad[a1 + p]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      c12 = x.fma(b2, c12);
      c13 = x.fma(b3, c13);
      x = FloatVector.broadcast(SPECIES, ad[a2 + p]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      c22 = x.fma(b2, c22);
      c23 = x.fma(b3, c23);
      x = FloatVector.broadcast(SPECIES, ad[a3 + p]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      c32 = x.fma(b2, c32);
      c33 = x.fma(b3, c33);
      x = FloatVector.broadcast(SPECIES, ad[a4 + p]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      c42 = x.fma(b2, c42);
      c43 = x.fma(b3, c43);
    }
    c00.intoArray(sums, c0);
    c01.intoArray(sums, c0 + LANES);
    c02.intoArray(sums, c0 + 2 * LANES);
    c03.intoArray(sums, c0 + 3 * LANES);
    c10.intoArray(sums, c1);
    c11.intoArray(sums, c1 + LANES);
    c12.intoArray(sums, c1 + 2 * LANES);
    c13.intoArray(sums, c1 + 3 * LANES);
    c20.intoArray(sums, c2);
    c21.intoArray(sums, c2 + LANES);
    c22.intoArray(sums, c2 + 2 * LANES);
    c23.intoArray(sums, c2 + 3 * LANES);
    c30.intoArray(sums, c3);
    c31.intoArray(sums, c3 + LANES);
    c32.intoArray(sums, c3 + 2 * LANES);
    c33.intoArray(sums, c3 + 3 * LANES);
    c40.intoArray(sums, c4);
    c41.intoArray(sums, c4 + LANES);
    c42.intoArray(sums, c4 + 2 * LANES);
    c43.intoArray(sums, c4 + 3 * LANES);
  }

  /** c = a b by sequential FMAs: the same operations as one vector lane. */
  private static void scalarMult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
    int k = a.numCols;
    int n = b.numCols;
    for (int r = 0; r < a.numRows; r++) {
      for (int col = 0; col < n; col++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          sum = Math.fma(a.data[r * k + p], b.data[p * n + col], sum);
        }
        c.data[r * n + col] = sum;
      }
    }
  }

  /**
   * c_ri = a_r . b_i for every row r of a: BLOCK rows at a time against row i of b, the vector part in LANES
   * partial sums folded in a fixed tree, then the scalar tail.
   */
  private static void dotRow(FMatrixRMaj a, FMatrixRMaj b, int i, FMatrixRMaj c) {
    int m = a.numRows;
    int n = a.numCols;
    int k = c.numCols;
    int vectorEnd = n - n % LANES;
    float[] ad = a.data;
    float[] bd = b.data;
    int bi = i * n;
    int last = m - 1;
    for (int r = 0; r < m; r += BLOCK) {
      int a0 = r * n;
      int a1 = Math.min(r + 1, last) * n;
      int a2 = Math.min(r + 2, last) * n;
      int a3 = Math.min(r + 3, last) * n;
      int a4 = Math.min(r + 4, last) * n;
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      FloatVector s4 = s0;
      for (int j = 0; j < vectorEnd; j += LANES) {
        FloatVector w = FloatVector.fromArray(SPECIES, bd, bi + j);
        s0 = FloatVector.fromArray(SPECIES, ad, a0 + j).fma(w, s0);
        s1 = FloatVector.fromArray(SPECIES, ad, a1 + j).fma(w, s1);
        s2 = FloatVector.fromArray(SPECIES, ad, a2 + j).fma(w, s2);
        s3 = FloatVector.fromArray(SPECIES, ad, a3 + j).fma(w, s3);
        s4 = FloatVector.fromArray(SPECIES, ad, a4 + j).fma(w, s4);
      }
      // fold the lanes pairwise in a fixed tree (inline: a call taking a vector would box it)
      for (VectorShuffle<Float> fold : FOLDS) {
        s0 = s0.add(s0.rearrange(fold));
        s1 = s1.add(s1.rearrange(fold));
        s2 = s2.add(s2.rearrange(fold));
        s3 = s3.add(s3.rearrange(fold));
        s4 = s4.add(s4.rearrange(fold));
      }
      // a repeated last row stores the same value again
      c.data[r * k + i] = s0.lane(0) + scalarDot(ad, a0, bd, bi, vectorEnd, n);
      c.data[Math.min(r + 1, last) * k + i] = s1.lane(0) + scalarDot(ad, a1, bd, bi, vectorEnd, n);
      c.data[Math.min(r + 2, last) * k + i] = s2.lane(0) + scalarDot(ad, a2, bd, bi, vectorEnd, n);
      c.data[Math.min(r + 3, last) * k + i] = s3.lane(0) + scalarDot(ad, a3, bd, bi, vectorEnd, n);
      c.data[Math.min(r + 4, last) * k + i] = s4.lane(0) + scalarDot(ad, a4, bd, bi, vectorEnd, n);
    }
  }

  /**
   * Row i of the fused step for a batch of m &le; FUSED_ROWS rows: below_ri = d_r . w_i (as {@link #dotRow}
   * sums it) and w_i := w_i + sum_r (alpha z_ri) d_r (as {@link #addRow} sums it), each vector of w_i and of
   * the d_r loaded once. Rows past m repeat row m-1 with coefficient 0, which adds exactly nothing. The
   * last vector ends at the end of the row (n &ge; LANES), overlapping the one before; its lanes already
   * done are masked out of the dot products and keep their updated values.
   */
  private static void fusedRow(
      float alpha, float[] packed, int m, FMatrixRMaj input, int i, FMatrixRMaj w, FMatrixRMaj below) {
    int n = w.numCols;
    int chunks = (n + LANES - 1) / LANES;
    float[] wd = w.data;
    int wi = i * n;
    int last = m - 1;
    FloatVector c0 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 0, i));
    FloatVector c1 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 1, i));
    FloatVector c2 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 2, i));
    FloatVector c3 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 3, i));
    FloatVector c4 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 4, i));
    FloatVector c5 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 5, i));
    FloatVector c6 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 6, i));
    FloatVector c7 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 7, i));
    FloatVector c8 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 8, i));
    FloatVector c9 = FloatVector.broadcast(SPECIES, coefficient(alpha, input, 9, i));
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    FloatVector s4 = s0;
    FloatVector s5 = s0;
    FloatVector s6 = s0;
    FloatVector s7 = s0;
    FloatVector s8 = s0;
    FloatVector s9 = s0;
    FloatVector zero = FloatVector.zero(SPECIES);
    int whole = n / LANES;
    VectorMask<Float> fresh = FRESH_LANES[n % LANES];
    for (int chunk = 0, p = 0; chunk < chunks; chunk++, p += FUSED_ROWS * LANES) {
      boolean overlapping = chunk == whole;
      int j = overlapping ? n - LANES : chunk * LANES;
      // s_r += d_r w (old w, fresh lanes);  u = w + c_0 d_0 + c_1 d_1 + ... in that order
      FloatVector current = FloatVector.fromArray(SPECIES, wd, wi + j);
      FloatVector old = overlapping ? zero.blend(current, fresh) : current;
      FloatVector d = FloatVector.fromArray(SPECIES, packed, p);
      s0 = d.fma(old, s0);
      FloatVector u = d.fma(c0, old);
      d = FloatVector.fromArray(SPECIES, packed, p + 1 * LANES);
      s1 = d.fma(old, s1);
      u = d.fma(c1, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 2 * LANES);
      s2 = d.fma(old, s2);
      u = d.fma(c2, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 3 * LANES);
      s3 = d.fma(old, s3);
      u = d.fma(c3, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 4 * LANES);
      s4 = d.fma(old, s4);
      u = d.fma(c4, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 5 * LANES);
      s5 = d.fma(old, s5);
      u = d.fma(c5, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 6 * LANES);
      s6 = d.fma(old, s6);
      u = d.fma(c6, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 7 * LANES);
      s7 = d.fma(old, s7);
      u = d.fma(c7, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 8 * LANES);
      s8 = d.fma(old, s8);
      u = d.fma(c8, u);
      d = FloatVector.fromArray(SPECIES, packed, p + 9 * LANES);
      s9 = d.fma(old, s9);
      u = d.fma(c9, u);
      (overlapping ? current.blend(u, fresh) : u).intoArray(wd, wi + j);
    }
    for (VectorShuffle<Float> fold : FOLDS) {
      s0 = s0.add(s0.rearrange(fold));
      s1 = s1.add(s1.rearrange(fold));
      s2 = s2.add(s2.rearrange(fold));
      s3 = s3.add(s3.rearrange(fold));
      s4 = s4.add(s4.rearrange(fold));
      s5 = s5.add(s5.rearrange(fold));
      s6 = s6.add(s6.rearrange(fold));
      s7 = s7.add(s7.rearrange(fold));
      s8 = s8.add(s8.rearrange(fold));
      s9 = s9.add(s9.rearrange(fold));
    }
    // below_ri for the rows of the batch; a repeated last row stores the same value again
    int k = below.numCols;
    below.data[i] = s0.lane(0);
    below.data[Math.min(1, last) * k + i] = s1.lane(0);
    below.data[Math.min(2, last) * k + i] = s2.lane(0);
    below.data[Math.min(3, last) * k + i] = s3.lane(0);
    below.data[Math.min(4, last) * k + i] = s4.lane(0);
    below.data[Math.min(5, last) * k + i] = s5.lane(0);
    below.data[Math.min(6, last) * k + i] = s6.lane(0);
    below.data[Math.min(7, last) * k + i] = s7.lane(0);
    below.data[Math.min(8, last) * k + i] = s8.lane(0);
    below.data[Math.min(9, last) * k + i] = s9.lane(0);
  }

  /**
   * c_i := c_i + sum_r (alpha a_ri) b_r for rows i and h of c and a batch of exactly FUSED_ROWS rows, as
   * {@link #addRow} sums it, one vector of each row at a time with their twenty coefficients held in
   * registers, so each vector of b serves two rows; h = i repeats the row, storing the same values twice.
   * The last vector ends at the end of the row (n &ge; LANES), overlapping the one before, whose lanes keep
   * their updated values. This is the update half of {@link #fusedRow}, for the first layer, whose gradient
   * goes no further down.
   */
  private static void updateRows(float alpha, FMatrixRMaj a, float[] packed, int i, int h, FMatrixRMaj c) {
    int n = c.numCols;
    int chunks = (n + LANES - 1) / LANES;
    float[] cd = c.data;
    int ci = i * n;
    int ch = h * n;
    FloatVector c0 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 0, i));
    FloatVector c1 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 1, i));
    FloatVector c2 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 2, i));
    FloatVector c3 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 3, i));
    FloatVector c4 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 4, i));
    FloatVector c5 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 5, i));
    FloatVector c6 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 6, i));
    FloatVector c7 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 7, i));
    FloatVector c8 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 8, i));
    FloatVector c9 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 9, i));
    FloatVector e0 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 0, h));
    FloatVector e1 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 1, h));
    FloatVector e2 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 2, h));
    FloatVector e3 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 3, h));
    FloatVector e4 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 4, h));
    FloatVector e5 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 5, h));
    FloatVector e6 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 6, h));
    FloatVector e7 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 7, h));
    FloatVector e8 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 8, h));
    FloatVector e9 = FloatVector.broadcast(SPECIES, coefficient(alpha, a, 9, h));
    int whole = n / LANES;
    VectorMask<Float> fresh = FRESH_LANES[n % LANES];
    for (int chunk = 0, p = 0; chunk < chunks; chunk++, p += FUSED_ROWS * LANES) {
      boolean overlapping = chunk == whole;
      int j = overlapping ? n - LANES : chunk * LANES;
      FloatVector current = FloatVector.fromArray(SPECIES, cd, ci + j);
      FloatVector next = FloatVector.fromArray(SPECIES, cd, ch + j);
      FloatVector d = FloatVector.fromArray(SPECIES, packed, p);
      FloatVector u = d.fma(c0, current);
      FloatVector v = d.fma(e0, next);
      d = FloatVector.fromArray(SPECIES, packed, p + 1 * LANES);
      u = d.fma(c1, u);
      v = d.fma(e1, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 2 * LANES);
      u = d.fma(c2, u);
      v = d.fma(e2, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 3 * LANES);
      u = d.fma(c3, u);
      v = d.fma(e3, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 4 * LANES);
      u = d.fma(c4, u);
      v = d.fma(e4, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 5 * LANES);
      u = d.fma(c5, u);
      v = d.fma(e5, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 6 * LANES);
      u = d.fma(c6, u);
      v = d.fma(e6, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 7 * LANES);
      u = d.fma(c7, u);
      v = d.fma(e7, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 8 * LANES);
      u = d.fma(c8, u);
      v = d.fma(e8, v);
      d = FloatVector.fromArray(SPECIES, packed, p + 9 * LANES);
      u = d.fma(c9, u);
      v = d.fma(e9, v);
      (overlapping ? current.blend(u, fresh) : u).intoArray(cd, ci + j);
      (overlapping ? next.blend(v, fresh) : v).intoArray(cd, ch + j);
    }
  }

  /**
   * The rows of d (at most {@link #FUSED_ROWS}, n &ge; LANES columns) regrouped by vector: for each vector of
   * a row, as {@link #fusedRow} and {@link #updateRows} walk them (the last ending at the end of the row,
   * overlapping the one before), that vector of rows 0..FUSED_ROWS-1 side by side, rows past the end
   * repeating the last. So the pass over a row of w reads d as one sequential stream, its ten loads one
   * register apart, rather than as ten streams a row apart.
   */
  private static float[] packByVector(FMatrixRMaj d) {
    int n = d.numCols;
    int chunks = (n + LANES - 1) / LANES;
    float[] packed = new float[chunks * FUSED_ROWS * LANES];
    for (int chunk = 0, p = 0; chunk < chunks; chunk++) {
      int j = Math.min(chunk * LANES, n - LANES);
      for (int r = 0; r < FUSED_ROWS; r++, p += LANES) {
        System.arraycopy(d.data, Math.min(r, d.numRows - 1) * n + j, packed, p, LANES);
      }
    }
    return packed;
  }

  /**
   * Reads one element per vector of data[from, to) and returns their sum: a loop of a few instructions per
   * cache line, so the processor has many more of its lines in flight from memory than a kernel that spends
   * dozens of instructions on each (the reorder buffer bounds the misses outstanding); the kernel then finds
   * them in the cache. Measured on weights that come from memory, see bench/README.md.
   */
  private static float touch(float[] data, int from, int to) {
    float sum = 0f;
    for (int e = from; e < to; e += LANES) {
      sum += data[e];
    }
    return sum;
  }

  /** alpha z_ri, the weight of row r of the batch in the update of w_i; 0 past the batch. */
  private static float coefficient(float alpha, FMatrixRMaj input, int r, int i) {
    return r < input.numRows ? alpha * input.data[r * input.numCols + i] : 0f;
  }

  /** sum_{j = from}^{to-1} x[xOffset + j] y[yOffset + j] by sequential FMAs. */
  private static float scalarDot(float[] x, int xOffset, float[] y, int yOffset, int from, int to) {
    float sum = 0f;
    for (int j = from; j < to; j++) {
      sum = Math.fma(x[xOffset + j], y[yOffset + j], sum);
    }
    return sum;
  }

  /**
   * c_i := c_i + sum_r (alpha a_ri) b_r over the rows r of a and b, UPDATE_VECTORS vectors of c_i at a time,
   * then one vector, then the scalar tail; every element gets the same sequence of FMAs.
   */
  private static void addRow(float alpha, FMatrixRMaj a, FMatrixRMaj b, int i, FMatrixRMaj c) {
    int m = a.numRows;
    int k = a.numCols;
    int n = b.numCols;
    float[] ad = a.data;
    float[] bd = b.data;
    float[] cd = c.data;
    int ci = i * n;
    int j = 0;
    for (; j + UPDATE_VECTORS * LANES <= n; j += UPDATE_VECTORS * LANES) {
      FloatVector w0 = FloatVector.fromArray(SPECIES, cd, ci + j);
      FloatVector w1 = FloatVector.fromArray(SPECIES, cd, ci + j + LANES);
      FloatVector w2 = FloatVector.fromArray(SPECIES, cd, ci + j + 2 * LANES);
      FloatVector w3 = FloatVector.fromArray(SPECIES, cd, ci + j + 3 * LANES);
      for (int r = 0, br = j; r < m; r++, br += n) {
        FloatVector x = FloatVector.broadcast(SPECIES, alpha * ad[r * k + i]);
        w0 = x.fma(FloatVector.fromArray(SPECIES, bd, br), w0);
        w1 = x.fma(FloatVector.fromArray(SPECIES, bd, br + LANES), w1);
        w2 = x.fma(FloatVector.fromArray(SPECIES, bd, br + 2 * LANES), w2);
        w3 = x.fma(FloatVector.fromArray(SPECIES, bd, br + 3 * LANES), w3);
      }
      w0.intoArray(cd, ci + j);
      w1.intoArray(cd, ci + j + LANES);
      w2.intoArray(cd, ci + j + 2 * LANES);
      w3.intoArray(cd, ci + j + 3 * LANES);
    }
    for (; j + LANES <= n; j += LANES) {
      FloatVector w = FloatVector.fromArray(SPECIES, cd, ci + j);
      for (int r = 0; r < m; r++) {
        w = FloatVector.broadcast(SPECIES, alpha * ad[r * k + i])
            .fma(FloatVector.fromArray(SPECIES, bd, r * n + j), w);
      }
      w.intoArray(cd, ci + j);
    }
    for (; j < n; j++) {
      float w = cd[ci + j];
      for (int r = 0; r < m; r++) {
        w = Math.fma(alpha * ad[r * k + i], bd[r * n + j], w);
      }
      cd[ci + j] = w;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static VectorMask<Float>[] freshLanes() {
    VectorMask<Float>[] masks = new VectorMask[LANES + 1];
    for (int t = 0; t <= LANES; t++) {
      boolean[] lanes = new boolean[LANES];
      Arrays.fill(lanes, LANES - t, LANES, true);
      masks[t] = VectorMask.fromArray(SPECIES, lanes, 0);
    }
    return masks;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static VectorShuffle<Float>[] folds() {
    int count = Integer.numberOfTrailingZeros(LANES);
    VectorShuffle<Float>[] folds = new VectorShuffle[count];
    for (int f = 0, half = LANES / 2; f < count; f++, half /= 2) {
      folds[f] = VectorShuffle.iota(SPECIES, half, 1, true);
    }
    return folds;
  }
}
