package org.glorotsweep.core.nn;

import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.kernel.MatMul;

/**
 * Forward propagation, the cost, back-propagation and the SGD update of one network on one workspace:
 * the network logic, written once for every precision (the precision lives in {@link Kernels}).
 *
 * <p>With z^0 = x, a batch of B rows, L hidden layers and layer L the softmax layer (Glorot and Bengio
 * 2010, section 2.3 and 4.2.1):
 *
 * <pre>
 *   forward:   s^i = z^i W^i + 1 b^i,   z^{i+1} = f(s^i)  (i &lt; L),   p = softmax(s^L)
 *   cost:      C = (1/B) sum_rows cost(s^L_r, y_r),   delta^L = dC/ds^L
 *   backward:  dC/dW^i = (z^i)^T delta^i,   dC/db^i = 1^T delta^i,
 *              delta^{i-1} = (delta^i (W^i)^T) .* f'(s^{i-1})
 *   update:    W^i := W^i - eta dC/dW^i,   b^i := b^i - eta dC/db^i
 * </pre>
 *
 * The 1/B of the batch mean is folded into delta^L, so every gradient below it is already a mean.
 *
 * @param <M> the EJML matrix type of the precision
 */
public final class Propagation<M extends ReshapeMatrix> {
  private final Network<M> network;
  private final Workspace<M> workspace;
  private final Kernels<M> kernels;
  private final MatMul<M> matMul;
  private final Activation activation;
  private final int hiddenLayers;

  /** Binds a network to a workspace allocated for its spec. */
  public Propagation(Network<M> network, Workspace<M> workspace) {
    this.network = network;
    this.workspace = workspace;
    this.kernels = network.kernels();
    this.matMul = kernels.matMul();
    this.activation = network.spec().activation();
    this.hiddenLayers = network.spec().depth();
  }

  /** The network whose parameters this propagates and updates. */
  public Network<M> network() {
    return network;
  }

  /** The workspace holding the last batch's activations and gradients. */
  public Workspace<M> workspace() {
    return workspace;
  }

  /**
   * Loads a batch into z^0 and propagates it forward, leaving every z^i and the logits in the workspace.
   *
   * @param features {@code rows x n_0} inputs, row-major. Not modified.
   * @param rows the batch size B of this batch, 1 &le; B &le; capacity
   */
  public void forward(float[] features, int rows) {
    workspace.resize(rows);
    kernels.load(features, rows, network.spec().inputSize(), workspace.output(0));
    for (int i = 0; i <= hiddenLayers; i++) {
      M z = workspace.output(i);
      M s = workspace.output(i + 1);
      // s^i = z^i W^i + 1 b^i
      matMul.mult(z, network.weight(i), s);
      kernels.addToEachRow(network.bias(i), s);
      if (i < hiddenLayers) {
        // z^{i+1} = f(s^i), in place
        kernels.activate(activation, s, s);
      }
    }
  }

  /**
   * The cost of the batch last propagated forward, and its gradient delta^L = dC/ds^L (divided by B).
   *
   * @param labels the B labels. Not modified.
   * @return the sum over the batch of each example's cost (NaN or infinite when training diverged)
   */
  public double cost(Cost cost, int[] labels) {
    M logits = workspace.output(hiddenLayers + 1);
    M delta = workspace.delta(hiddenLayers);
    int rows = workspace.rows();
    int classes = network.spec().classes();
    double[] logitRow = workspace.logitRow;
    double[] gradientRow = workspace.gradientRow;
    double total = 0.0;
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < classes; k++) {
        logitRow[k] = kernels.get(logits, r, k);
      }
      total += cost.lossAndGradient(logitRow, classes, labels[r], gradientRow);
      for (int k = 0; k < classes; k++) {
        kernels.set(delta, r, k, gradientRow[k] / rows);
      }
    }
    return total;
  }

  /** Back-propagates delta^L into every layer's weight and bias gradients, leaving all delta^i in place. */
  public void backward() {
    for (int i = hiddenLayers; i >= 0; i--) {
      M delta = workspace.delta(i);
      // dC/dW^i = (z^i)^T delta^i,  dC/db^i = 1^T delta^i
      matMul.multTransA(workspace.output(i), delta, workspace.weightGradient(i));
      kernels.sumRows(delta, workspace.biasGradient(i));
      if (i > 0) {
        // delta^{i-1} = (delta^i (W^i)^T) .* f'(s^{i-1}),  f' from z^i = f(s^{i-1})
        M below = workspace.delta(i - 1);
        matMul.multTransB(delta, network.weight(i), below);
        kernels.multiplyByDerivative(activation, workspace.output(i), below);
      }
    }
  }

  /**
   * Back-propagation and the SGD update fused, for training without monitors: the same step as
   * {@link #backward()} then {@link #update(double)}, but each W^i is updated in the pass over it that
   * back-propagates delta^i, and dC/dW^i is never materialised (the workspace's weight gradients are left
   * as they were; its bias gradients and deltas are written as by {@link #backward()}).
   */
  public void backwardAndUpdate(double learningRate) {
    for (int i = hiddenLayers; i >= 0; i--) {
      M delta = workspace.delta(i);
      M input = workspace.output(i);
      // b^i := b^i - eta 1^T delta^i
      kernels.sumRows(delta, workspace.biasGradient(i));
      kernels.addScaled(network.bias(i), -learningRate, workspace.biasGradient(i));
      if (i > 0) {
        // delta^{i-1} = delta^i (W^i)^T with the old W^i, then W^i := W^i - eta (z^i)^T delta^i
        M below = workspace.delta(i - 1);
        matMul.multTransBThenAddTransA(delta, input, -learningRate, network.weight(i), below);
        // delta^{i-1} := delta^{i-1} .* f'(s^{i-1}),  f' from z^i = f(s^{i-1})
        kernels.multiplyByDerivative(activation, input, below);
      } else {
        // W^0 := W^0 - eta (z^0)^T delta^0
        matMul.multAddTransA(-learningRate, input, delta, network.weight(0));
      }
    }
  }

  /** One SGD step with the gradients of the last {@link #backward()}: theta := theta - eta dC/dtheta. */
  public void update(double learningRate) {
    for (int i = 0; i <= hiddenLayers; i++) {
      kernels.addScaled(network.weight(i), -learningRate, workspace.weightGradient(i));
      kernels.addScaled(network.bias(i), -learningRate, workspace.biasGradient(i));
    }
  }

  /** The predicted class of row {@code row} of the last forward batch: argmax_k s^L_k (first on ties). */
  public int predictedClass(int row) {
    M logits = workspace.output(hiddenLayers + 1);
    int best = 0;
    double bestLogit = kernels.get(logits, row, 0);
    for (int k = 1; k < network.spec().classes(); k++) {
      double logit = kernels.get(logits, row, k);
      if (logit > bestLogit) {
        best = k;
        bestLogit = logit;
      }
    }
    return best;
  }
}
