package org.glorotsweep.core.monitor;

import org.ejml.data.DMatrixRMaj;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.data.LabeledSet;
import org.glorotsweep.core.nn.Network;

/**
 * An independent float64 forward and backward pass of the NLL cost over plain arrays, written from the paper's
 * equations for checking the monitors: z^{k} = f(z^{k-1} W^{k-1} + b^{k-1}) for k = 1..L, softmax on
 * s^L, dC_n/ds^L_n = p_n - e_{y_n}, dC_n/ds^{k-1}_n = (dC_n/ds^k_n (W^k)^T) .* f'(s^{k-1}_n), and
 * dC/dW^{k-1} = (1/N) sum_n (z^{k-1}_n)^T dC_n/ds^{k-1}_n. Arrays are indexed by the monitors' layer number k.
 */
final class ReferencePass {
  /** z[k][n] for k = 0..L: the input and the hidden outputs. */
  final double[][][] outputs;
  /** gradient[k][n] = dC_n/ds^{k-1}_n for k = 1..L+1 (index 0 unused). */
  final double[][][] backpropagated;
  /** weightGradient[k] = dC/dW^{k-1} as [in][out] for k = 1..L+1 (index 0 unused). */
  final double[][][] weightGradients;
  /** weights[k] = W^{k-1} as [in][out] for k = 1..L+1 (index 0 unused). */
  final double[][][] weights;

  ReferencePass(Network<DMatrixRMaj> network, LabeledSet set, int examples) {
    int layers = network.layerCount();
    int hidden = layers - 1;
    Activation f = network.spec().activation();
    outputs = new double[hidden + 1][][];
    backpropagated = new double[layers + 1][][];
    weightGradients = new double[layers + 1][][];
    weights = new double[layers + 1][][];
    for (int k = 1; k <= layers; k++) {
      weights[k] = toArray(network.weight(k - 1));
    }
    outputs[0] = new double[examples][set.inputSize()];
    for (int n = 0; n < examples; n++) {
      for (int j = 0; j < set.inputSize(); j++) {
        outputs[0][n][j] = set.feature(n, j);
      }
    }
    double[][] logits = null;
    for (int k = 1; k <= layers; k++) {
      double[][] s = affine(outputs[k - 1], weights[k], toArray(network.bias(k - 1))[0]);
      if (k <= hidden) {
        for (double[] row : s) {
          for (int a = 0; a < row.length; a++) {
            row[a] = f.apply(row[a]);
          }
        }
        outputs[k] = s;
      } else {
        logits = s;
      }
    }
    backpropagated[layers] = softmaxMinusTarget(logits, set);
    for (int k = hidden; k >= 1; k--) {
      double[][] above = backpropagated[k + 1];
      double[][] here = new double[examples][weights[k + 1].length];
      for (int n = 0; n < examples; n++) {
        for (int a = 0; a < here[n].length; a++) {
          double sum = 0.0;
          for (int b = 0; b < above[n].length; b++) {
            sum += above[n][b] * weights[k + 1][a][b];
          }
          here[n][a] = sum * f.derivativeFromOutput(outputs[k][n][a]);
        }
      }
      backpropagated[k] = here;
    }
    for (int k = 1; k <= layers; k++) {
      double[][] g = new double[weights[k].length][weights[k][0].length];
      for (int n = 0; n < examples; n++) {
        for (int a = 0; a < g.length; a++) {
          for (int b = 0; b < g[a].length; b++) {
            g[a][b] += outputs[k - 1][n][a] * backpropagated[k][n][b] / examples;
          }
        }
      }
      weightGradients[k] = g;
    }
  }

  private static double[][] affine(double[][] z, double[][] w, double[] bias) {
    double[][] s = new double[z.length][bias.length];
    for (int n = 0; n < z.length; n++) {
      for (int b = 0; b < bias.length; b++) {
        double sum = bias[b];
        for (int a = 0; a < w.length; a++) {
          sum += z[n][a] * w[a][b];
        }
        s[n][b] = sum;
      }
    }
    return s;
  }

  private static double[][] softmaxMinusTarget(double[][] logits, LabeledSet set) {
    double[][] gradient = new double[logits.length][];
    for (int n = 0; n < logits.length; n++) {
      double[] p = new double[logits[n].length];
      double total = 0.0;
      for (int c = 0; c < p.length; c++) {
        p[c] = Math.exp(logits[n][c]);
        total += p[c];
      }
      for (int c = 0; c < p.length; c++) {
        p[c] = p[c] / total - (c == set.label(n) ? 1.0 : 0.0);
      }
      gradient[n] = p;
    }
    return gradient;
  }

  private static double[][] toArray(DMatrixRMaj m) {
    double[][] a = new double[m.numRows][m.numCols];
    for (int r = 0; r < m.numRows; r++) {
      for (int c = 0; c < m.numCols; c++) {
        a[r][c] = m.get(r, c);
      }
    }
    return a;
  }
}
