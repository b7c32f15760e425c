package org.glorotsweep.core.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;

/**
 * What each kernel of a 5 x 1000 training step costs on its own, in microseconds per call, so that a change
 * to one kernel can be measured where its effect is not lost in the noise of a whole step on a shared
 * machine: the activations tanh, sigmoid and softsign on a 10 x 1000 batch ({@code scalar}: element by element
 * on {@link StrictMath}, the EJML kernels' and the previous code's; {@code vector}: the Vector API kernels'),
 * and the three products of the step on the vector kernels (forward 10 x 1024 times 1024 x 1000, fused
 * back-propagation and update of a 1000 x 1000 layer, update of the 1024 x 1000 first layer), each twice: on
 * one matrix, which stays in the caches between calls, and ({@code -cold}) on the next of {@link #COLD_COPIES}
 * matrices, which comes from memory as a step's weights do (the forward product took 3 times as long there
 * before it walked its weights in blocks of rows).
 *
 * <p>Rounds alternate over every item, so a change of load hits all (the reason this bench keeps its own
 * timer rather than JMH, which measures one benchmark after another, and why {@code bench/ab.sh} can alternate
 * two builds of it); prints one tab-separated line per item:
 * {@code kind precision name implementation} and the median over the rounds of each round's median time
 * (the format {@code bench/ab.sh --main} reads), then the spread over the rounds on stderr.
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -cp ... org.glorotsweep.core.bench.KernelCostBench [rounds]
 * </pre>
 */
public final class KernelCostBench {
  private static final int BATCH = 10;
  private static final int INPUTS = 1024;
  private static final int WIDTH = 1000;
  private static final int SAMPLES = 5;
  /**
   * Copies of each weight matrix the cold items cycle through: 8 x 4 MiB in float32 and 8 x 8 MiB in float64,
   * at least the 32 MiB L3 of this project's machine, so each call finds its weights in memory, as a step of the
   * paper's network (six matrices, 24 MiB in float32) mostly does.
   */
  private static final int COLD_COPIES = 8;

  private KernelCostBench() {}

  /** Argument: the number of rounds (default 5). */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Map<String, Runnable> items = new LinkedHashMap<>();
    addItems(items, "float32", KernelChoice.ejmlFloat32(), KernelChoice.float32());
    addItems(items, "float64", KernelChoice.ejmlFloat64(), KernelChoice.float64());
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    for (Map.Entry<String, Runnable> item : items.entrySet()) {
      median(SAMPLES, 200, item.getValue());  // warm-up: compile every item before the rounds
      micros.put(item.getKey(), new ArrayList<>());
    }
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Runnable> item : items.entrySet()) {
        micros.get(item.getKey()).add(median(SAMPLES, 20, item.getValue()) * 1e6);
      }
    }
    for (Map.Entry<String, List<Double>> item : micros.entrySet()) {
      double[] sorted = item.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "%s\t%.2f%n", item.getKey(), sorted[sorted.length / 2]);
      System.err.printf(Locale.ROOT, "%s\tmin %.2f max %.2f us%n", item.getKey(), sorted[0],
          sorted[sorted.length - 1]);
    }
  }

  private static <M extends ReshapeMatrix> void addItems(
      Map<String, Runnable> items, String precision, Kernels<M> scalar, Kernels<M> vector) {
    SplittableRandom random = new SplittableRandom(2010);
    M s = matrix(vector, BATCH, WIDTH, 4.0, random);
    M z = vector.zeros(BATCH, WIDTH);
    for (Activation f : List.of(Activation.TANH, Activation.SIGMOID, Activation.SOFTSIGN)) {
      items.put(name("activation", precision, f.configName(), "scalar"), () -> scalar.activate(f, s, z));
      items.put(name("activation", precision, f.configName(), "vector"), () -> vector.activate(f, s, z));
    }
    M input = matrix(vector, BATCH, INPUTS, 1.0, random);
    M hidden = matrix(vector, BATCH, WIDTH, 1.0, random);
    M delta = matrix(vector, BATCH, WIDTH, 1e-3, random);
    M w0 = matrix(vector, INPUTS, WIDTH, 0.05, random);
    M w = matrix(vector, WIDTH, WIDTH, 0.05, random);
    M out = vector.zeros(BATCH, WIDTH);
    // alpha = 0 keeps the weights as they are, whatever the number of calls, with the same work
    items.put(name("product", precision, "forward", "vector"), () -> vector.matMul().mult(input, w0, out));
    items.put(name("product", precision, "fused", "vector"),
        () -> vector.matMul().multTransBThenAddTransA(delta, hidden, 0.0, w, out));
    items.put(name("product", precision, "update-w0", "vector"),
        () -> vector.matMul().multAddTransA(0.0, input, delta, w0));
    // the same products on weights that come from memory, as in a step, each call on the next of COLD_COPIES
    List<M> w0s = new ArrayList<>();
    List<M> ws = new ArrayList<>();
    for (int copy = 0; copy < COLD_COPIES; copy++) {
      w0s.add(matrix(vector, INPUTS, WIDTH, 0.05, random));
      ws.add(matrix(vector, WIDTH, WIDTH, 0.05, random));
    }
    int[] calls = new int[1];
    items.put(name("product", precision, "forward-cold", "vector"),
        () -> vector.matMul().mult(input, w0s.get(calls[0]++ % COLD_COPIES), out));
    items.put(name("product", precision, "fused-cold", "vector"),
        () -> vector.matMul().multTransBThenAddTransA(delta, hidden, 0.0, ws.get(calls[0]++ % COLD_COPIES), out));
    items.put(name("product", precision, "update-w0-cold", "vector"),
        () -> vector.matMul().multAddTransA(0.0, input, delta, w0s.get(calls[0]++ % COLD_COPIES)));
  }

  /**
   * The median over {@code samples} samples of the mean seconds of {@code calls} runs of {@code task}, after one
   * warm-up run.
   */
  private static double median(int samples, int calls, Runnable task) {
    double[] seconds = new double[samples];
    task.run();
    for (int sample = 0; sample < samples; sample++) {
      long start = System.nanoTime();
      for (int c = 0; c < calls; c++) {
        task.run();
      }
      seconds[sample] = (System.nanoTime() - start) / 1e9 / calls;
    }
    Arrays.sort(seconds);
    return seconds[samples / 2];
  }

  private static String name(String kind, String precision, String name, String implementation) {
    return String.join("\t", kind, precision, name, implementation);
  }

  private static <M extends ReshapeMatrix> M matrix(
      Kernels<M> kernels, int rows, int cols, double scale, SplittableRandom random) {
    DMatrixRMaj values = new DMatrixRMaj(rows, cols);
    Arrays.setAll(values.data, i -> random.nextDouble(-scale, scale));
    return kernels.fromDouble(values);
  }
}
