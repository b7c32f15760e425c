package org.glorotsweep.core.choice;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Weight initialisations for a layer with {@code fanIn} inputs and {@code fanOut} outputs. Every one is
 * applied at every layer, the softmax layer included; biases always start at 0. Each draws from the trial's
 * initialisation stream only, so the weights are a function of the seed. The result is multiplied by a gain
 * (1 by default).
 */
public enum Initializer {
  /**
   * The paper's "standard" heuristic (Glorot and Bengio 2010, eq. 1): W ~ U[-1/sqrt(n), +1/sqrt(n)] with
   * n = fan-in, so Var[W] = 1/(3n).
   */
  STANDARD("standard") {
    @Override
    void draw(DMatrixRMaj w, int fanIn, int fanOut, SplittableRandom rng) {
      fillUniform(w, 1.0 / Math.sqrt(fanIn), rng);
    }
  },
  /**
   * The paper's "normalized" initialisation (Glorot and Bengio 2010, eq. 16), now called Glorot or Xavier
   * uniform: W ~ U[-sqrt(6/(n_j + n_{j+1})), +sqrt(6/(n_j + n_{j+1}))], so Var[W] = 2/(n_j + n_{j+1}).
   */
  NORMALIZED("normalized") {
    @Override
    void draw(DMatrixRMaj w, int fanIn, int fanOut, SplittableRandom rng) {
      fillUniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
    }
  },
  /** He et al. (2015), for rectifiers: W ~ N(0, 2/fan_in). */
  HE("he") {
    @Override
    void draw(DMatrixRMaj w, int fanIn, int fanOut, SplittableRandom rng) {
      fillGaussian(w, Math.sqrt(2.0 / fanIn), rng);
    }
  },
  /** LeCun et al. (1998), "Efficient BackProp": W ~ N(0, 1/fan_in). */
  LECUN("lecun") {
    @Override
    void draw(DMatrixRMaj w, int fanIn, int fanOut, SplittableRandom rng) {
      fillGaussian(w, Math.sqrt(1.0 / fanIn), rng);
    }
  },
  /**
   * Saxe et al. (2014): W has orthonormal columns (fan-in &ge; fan-out) or orthonormal rows (fan-in &lt;
   * fan-out). It is the Q factor of the QR decomposition of a Gaussian matrix, with Q's columns multiplied by
   * the signs of R's diagonal so that Q is Haar-distributed (Mezzadri 2007).
   */
  ORTHOGONAL("orthogonal") {
    @Override
    void draw(DMatrixRMaj w, int fanIn, int fanOut, SplittableRandom rng) {
      int tall = Math.max(fanIn, fanOut);
      int thin = Math.min(fanIn, fanOut);
      DMatrixRMaj gaussian = new DMatrixRMaj(tall, thin);
      fillGaussian(gaussian, 1.0, rng);
      QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(tall, thin);
      if (!qr.decompose(gaussian)) {
        throw new IllegalStateException("QR decomposition failed for a " + tall + "x" + thin + " matrix");
      }
      DMatrixRMaj q = qr.getQ(null, true);
      DMatrixRMaj r = qr.getR(null, true);
      for (int col = 0; col < thin; col++) {
        if (r.get(col, col) < 0) {
          for (int row = 0; row < tall; row++) {
            q.set(row, col, -q.get(row, col));
          }
        }
      }
      if (fanIn >= fanOut) {
        w.setTo(q);
      } else {
        CommonOps_DDRM.transpose(q, w);
      }
    }
  };

  private final String configName;

  Initializer(String configName) {
    this.configName = configName;
  }

  /** The name used in configs and result tables, e.g. {@code "normalized"}. */
  public String configName() {
    return configName;
  }

  /**
   * Draws a fresh fan-in x fan-out weight matrix.
   *
   * @param fanIn number of inputs n_j (rows), &gt; 0
   * @param fanOut number of outputs n_{j+1} (columns), &gt; 0
   * @param gain factor applied to every drawn weight
   * @param rng the trial's initialisation stream. Modified (advanced).
   * @return a new matrix W of shape fanIn x fanOut
   */
  public DMatrixRMaj sample(int fanIn, int fanOut, double gain, SplittableRandom rng) {
    DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);
    draw(w, fanIn, fanOut, rng);
    if (gain != 1.0) {
      CommonOps_DDRM.scale(gain, w);
    }
    return w;
  }

  abstract void draw(DMatrixRMaj w, int fanIn, int fanOut, SplittableRandom rng);

  /** Looks an initialiser up by its config name; the error names the value and the allowed names. */
  public static Initializer fromConfigName(String name) {
    return ConfigNames.lookup(values(), Initializer::configName, "init", name);
  }

  // w_ij = a (2u - 1), u ~ U[0, 1): uniform on [-a, a)
  private static void fillUniform(DMatrixRMaj w, double bound, SplittableRandom rng) {
    for (int i = 0; i < w.getNumElements(); i++) {
      w.data[i] = bound * (2.0 * rng.nextDouble() - 1.0);
    }
  }

  // w_ij = sigma g, g ~ N(0, 1)
  private static void fillGaussian(DMatrixRMaj w, double sigma, SplittableRandom rng) {
    for (int i = 0; i < w.getNumElements(); i++) {
      w.data[i] = sigma * rng.nextGaussian();
    }
  }
}
