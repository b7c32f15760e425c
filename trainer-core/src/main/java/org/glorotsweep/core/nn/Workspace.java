package org.glorotsweep.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.spec.NetworkSpec;

/**
 * Every temporary of forward and back-propagation for batches of up to {@code capacity} rows, allocated once
 * per trial (or per monitor) so that the step loop never allocates. A shorter batch reshapes the matrices
 * down; they keep their larger backing arrays.
 *
 * <ul>
 *   <li>z^0 = x (B x n_0); for hidden layers z^{i+1} = f(s^i) (B x n_{i+1}); for the softmax layer the
 *       logits s^L (B x K).
 *   <li>delta^i = dC/ds^i (B x n_{i+1}), already divided by B.
 *   <li>dC/dW^i (n_i x n_{i+1}) and dC/db^i (1 x n_{i+1}). The weight gradients, as large as the network,
 *       are allocated on first use, once: a workspace that only propagates forward (evaluation) or trains
 *       with {@link Propagation#backwardAndUpdate} never holds them.
 * </ul>
 *
 * @param <M> the EJML matrix type of the precision
 */
public final class Workspace<M extends ReshapeMatrix> {
  final List<M> outputs;
  final List<M> deltas;
  private final NetworkSpec spec;
  private final Kernels<M> kernels;
  private List<M> weightGradients;
  final List<M> biasGradients;
  final double[] logitRow;
  final double[] gradientRow;
  private final int capacity;
  private int rows;

  /** Allocates a workspace for {@code spec} and batches of at most {@code capacity} rows. */
  public Workspace(NetworkSpec spec, Kernels<M> kernels, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("workspace capacity must be >= 1, got " + capacity);
    }
    this.spec = spec;
    this.kernels = kernels;
    this.capacity = capacity;
    this.rows = capacity;
    int layers = spec.layerCount();
    outputs = new ArrayList<>(layers + 1);
    deltas = new ArrayList<>(layers);
    biasGradients = new ArrayList<>(layers);
    outputs.add(kernels.zeros(capacity, spec.width(0)));
    for (int i = 0; i < layers; i++) {
      outputs.add(kernels.zeros(capacity, spec.width(i + 1)));
      deltas.add(kernels.zeros(capacity, spec.width(i + 1)));
      biasGradients.add(kernels.zeros(1, spec.width(i + 1)));
    }
    logitRow = new double[spec.classes()];
    gradientRow = new double[spec.classes()];
  }

  /** The largest batch this workspace holds. */
  public int capacity() {
    return capacity;
  }

  /** The number of rows of the current batch. */
  public int rows() {
    return rows;
  }

  /** Reshapes the per-example matrices to a batch of {@code batchRows} rows, 1 &le; rows &le; capacity. */
  void resize(int batchRows) {
    if (batchRows < 1 || batchRows > capacity) {
      throw new IllegalArgumentException(
          "batch of " + batchRows + " rows does not fit a workspace of capacity " + capacity);
    }
    rows = batchRows;
    for (M m : outputs) {
      m.reshape(batchRows, m.getNumCols());
    }
    for (M m : deltas) {
      m.reshape(batchRows, m.getNumCols());
    }
  }

  /** z^i: the input (i = 0), a hidden layer's output, or the logits (i = L + 1). Live. */
  public M output(int layer) {
    return outputs.get(layer);
  }

  /** delta^i = dC/ds^i of the last back-propagation, divided by the batch size. Live. */
  public M delta(int layer) {
    return deltas.get(layer);
  }

  /** dC/dW^i of the last back-propagation (mean over the batch), zero before the first. Live. */
  public M weightGradient(int layer) {
    if (weightGradients == null) {
      List<M> gradients = new ArrayList<>(spec.layerCount());
      for (int i = 0; i < spec.layerCount(); i++) {
        gradients.add(kernels.zeros(spec.width(i), spec.width(i + 1)));
      }
      weightGradients = List.copyOf(gradients);
    }
    return weightGradients.get(layer);
  }

  /** dC/db^i of the last back-propagation (mean over the batch). Live. */
  public M biasGradient(int layer) {
    return biasGradients.get(layer);
  }
}
