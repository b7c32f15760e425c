package org.glorotsweep.core.spec;

import java.io.Serializable;
import java.util.List;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Initializer;

/**
 * The architecture of a dense feedforward network (paper-spec section 1): {@code inputSize} inputs, hidden
 * layers of the given widths, all with the same activation, and a softmax layer of {@code classes} units.
 * Layer i computes s^i = z^i W^i + b^i and z^{i+1} = f(s^i), with z^0 = x.
 *
 * @param inputSize n_0, the number of inputs, &ge; 1
 * @param hiddenWidths n_1..n_L, each &ge; 1; empty for softmax regression
 * @param classes the number of softmax units, &ge; 2
 * @param activation f, used by every hidden layer
 * @param init the initialisation of every layer's weights, the softmax layer's included
 * @param initGain a factor applied to every initial weight, finite and &gt; 0 (1 for the paper's inits)
 */
public record NetworkSpec(
    int inputSize,
    List<Integer> hiddenWidths,
    int classes,
    Activation activation,
    Initializer init,
    double initGain) implements Serializable {

  /** Validates every field; the error names the field, the value and what is allowed. */
  public NetworkSpec {
    SpecCheck.atLeast("network.input_size", inputSize, 1);
    SpecCheck.present("network.hidden_widths", hiddenWidths, "a list of integers >= 1");
    for (int i = 0; i < hiddenWidths.size(); i++) {
      Integer width = hiddenWidths.get(i);
      SpecCheck.present("network.hidden_widths[" + i + "]", width, "an integer >= 1");
      SpecCheck.atLeast("network.hidden_widths[" + i + "]", width, 1);
    }
    hiddenWidths = List.copyOf(hiddenWidths);
    SpecCheck.atLeast("network.classes", classes, 2);
    SpecCheck.present("network.activation", activation, "one of sigmoid, tanh, softsign, relu, identity");
    SpecCheck.present("network.init", init, "one of standard, normalized, he, lecun, orthogonal");
    SpecCheck.positiveFinite("network.init_gain", initGain);
  }

  /** A network of {@code depth} hidden layers of equal {@code width}, with gain 1. */
  public static NetworkSpec uniform(
      int inputSize, int depth, int width, int classes, Activation activation, Initializer init) {
    SpecCheck.atLeast("network.depth", depth, 0);
    return new NetworkSpec(
        inputSize, java.util.Collections.nCopies(depth, width), classes, activation, init, 1.0);
  }

  /** The number of hidden layers L. */
  public int depth() {
    return hiddenWidths.size();
  }

  /** The number of weight layers, L + 1 (the hidden layers and the softmax layer). */
  public int layerCount() {
    return hiddenWidths.size() + 1;
  }

  /** n_i: the width of layer i, with n_0 the input and n_{L+1} the classes. */
  public int width(int layer) {
    if (layer == 0) {
      return inputSize;
    }
    return layer <= depth() ? hiddenWidths.get(layer - 1) : classes;
  }

  /** The number of trainable parameters, sum over layers of (n_i + 1) n_{i+1}. */
  public long parameterCount() {
    long count = 0;
    for (int i = 0; i < layerCount(); i++) {
      count += (long) (width(i) + 1) * width(i + 1);
    }
    return count;
  }
}
