package org.glorotsweep.core.nn;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.hash.Fingerprints;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.spec.NetworkSpec;

/**
 * The trainable parameters of a network built from a {@link NetworkSpec}: for each layer i = 0..L, a weight
 * matrix W^i of shape n_i x n_{i+1} and a bias row b^i of shape 1 x n_{i+1}, in the precision of the kernels.
 * Layer L is the softmax layer. The arithmetic lives in {@link Propagation}; this class only holds state.
 *
 * @param <M> the EJML matrix type of the precision
 */
public final class Network<M extends ReshapeMatrix> {
  private final NetworkSpec spec;
  private final Kernels<M> kernels;
  private final List<M> weights;
  private final List<M> biases;

  private Network(NetworkSpec spec, Kernels<M> kernels, List<M> weights, List<M> biases) {
    this.spec = spec;
    this.kernels = kernels;
    this.weights = weights;
    this.biases = biases;
  }

  /**
   * A freshly initialised network: W^i drawn by the spec's initialiser in float64 from {@code initStream},
   * layer by layer from the input up, then rounded to the kernels' precision; b^i = 0. The float32 and
   * float64 networks of one seed therefore start from the same weights up to rounding.
   *
   * @param initStream the trial's initialisation stream. Modified.
   */
  public static <M extends ReshapeMatrix> Network<M> initialize(
      NetworkSpec spec, Kernels<M> kernels, SplittableRandom initStream) {
    List<M> weights = new ArrayList<>(spec.layerCount());
    List<M> biases = new ArrayList<>(spec.layerCount());
    for (int i = 0; i < spec.layerCount(); i++) {
      int fanIn = spec.width(i);
      int fanOut = spec.width(i + 1);
      weights.add(kernels.fromDouble(spec.init().sample(fanIn, fanOut, spec.initGain(), initStream)));
      biases.add(kernels.zeros(1, fanOut));
    }
    return new Network<>(spec, kernels, List.copyOf(weights), List.copyOf(biases));
  }

  /**
   * A network holding the given parameters (say, a checkpoint's), rounded to the kernels' precision: exact for
   * values that came from a network of that precision.
   *
   * @param weights W^0..W^L, n_i x n_{i+1}. Not modified.
   * @param biases b^0..b^L, 1 x n_{i+1}. Not modified.
   * @throws IllegalArgumentException when a shape differs from the spec's
   */
  public static <M extends ReshapeMatrix> Network<M> of(
      NetworkSpec spec, Kernels<M> kernels, List<DMatrixRMaj> weights, List<DMatrixRMaj> biases) {
    if (weights.size() != spec.layerCount() || biases.size() != spec.layerCount()) {
      throw new IllegalArgumentException(
          "the spec has " + spec.layerCount() + " layers, got " + weights.size() + " weight and " + biases.size()
              + " bias matrices");
    }
    List<M> w = new ArrayList<>(spec.layerCount());
    List<M> b = new ArrayList<>(spec.layerCount());
    for (int i = 0; i < spec.layerCount(); i++) {
      checkShape("W^" + i, weights.get(i), spec.width(i), spec.width(i + 1));
      checkShape("b^" + i, biases.get(i), 1, spec.width(i + 1));
      w.add(kernels.fromDouble(weights.get(i)));
      b.add(kernels.fromDouble(biases.get(i)));
    }
    return new Network<>(spec, kernels, List.copyOf(w), List.copyOf(b));
  }

  private static void checkShape(String name, DMatrixRMaj m, int rows, int cols) {
    if (m.getNumRows() != rows || m.getNumCols() != cols) {
      throw new IllegalArgumentException(
          name + " must be " + rows + " x " + cols + ", got " + m.getNumRows() + " x " + m.getNumCols());
    }
  }

  /** The architecture. */
  public NetworkSpec spec() {
    return spec;
  }

  /** The kernels of this network's precision. */
  public Kernels<M> kernels() {
    return kernels;
  }

  /** The number of weight layers, L + 1. */
  public int layerCount() {
    return weights.size();
  }

  /** W^i, n_i x n_{i+1}; live, so training updates are visible. */
  public M weight(int layer) {
    return weights.get(layer);
  }

  /** b^i, 1 x n_{i+1}; live. */
  public M bias(int layer) {
    return biases.get(layer);
  }

  /**
   * SHA-256 (hex) of the raw bits of every parameter, W^0, b^0, W^1, ... row-major. Equal digests mean
   * bitwise-equal networks.
   */
  public String sha256() {
    MessageDigest digest = Fingerprints.newDigest();
    for (int i = 0; i < layerCount(); i++) {
      kernels.digest(weights.get(i), digest);
      kernels.digest(biases.get(i), digest);
    }
    return Fingerprints.hex(digest);
  }
}
