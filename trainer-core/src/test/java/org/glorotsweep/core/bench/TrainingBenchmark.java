package org.glorotsweep.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.nn.Propagation;
import org.glorotsweep.core.nn.Workspace;
import org.glorotsweep.core.spec.NetworkSpec;

/**
 * Training throughput of the paper's network (n_0 = 1024 inputs, depth x width layers of tanh, sigmoid or
 * softsign units, 10 softmax units, normalized init, NLL, plain SGD on batches of 10), in examples per second:
 * the step loop of {@code Trainer} (forward, cost, back-propagation and update) on random batches held in
 * memory, so that it measures the same thing as {@code bench/torch_reference.py}. Run through {@code bench.sh}.
 *
 * <p>Prints one tab-separated line per measurement: {@code precision activation depth width kernel trials
 * examples/s},
 * where examples/s is the median over repetitions, per trial (so per core when trials = 2). With
 * {@code --clock cpu} the seconds are the stepping thread's CPU time rather than wall-clock time: on a
 * machine shared with other work, that separates what the trials cost each other (caches, memory
 * bandwidth) from the CPU time other processes take.
 *
 * <p>Kernels: {@code ejml} (the fallback, stepping with {@code backward()} and {@code update()} as the
 * monitored path does), {@code vector} (the Vector API kernels with the fused {@code backwardAndUpdate})
 * and {@code vector-unfused} (the Vector API kernels stepping like {@code ejml}).
 */
public final class TrainingBenchmark {
  private static final int INPUTS = 1024;
  private static final int CLASSES = 10;
  private static final int BATCH = 10;
  private static final int POOL = 64;
  private static final double LEARNING_RATE = 0.01;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TrainingBenchmark() {}

  /**
   * Arguments, each optional: {@code --precisions float32,float64 --activations tanh --depths 1,3,5
   * --widths 250,500,1000 --kernels ejml,vector --trials 1 --repetitions 5 --seconds 1.0 --warmup 8.0
   * --clock wall}.
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (!KernelChoice.vectorApiAvailable() && options.kernels.stream().anyMatch(k -> k.startsWith("vector"))) {
      throw new IllegalStateException(
          "the vector kernels need --add-modules " + KernelChoice.VECTOR_MODULE + " and vectors of at least "
              + KernelChoice.MIN_VECTOR_BITS + " bits");
    }
    for (String precision : options.precisions) {
      for (String activation : options.activations) {
        for (int depth : options.depths) {
          for (int width : options.widths) {
            for (String kernel : options.kernels) {
              NetworkSpec spec = spec(Activation.fromConfigName(activation), depth, width);
              double rate = measure(Precision.fromConfigName(precision), spec, kernel, options);
              System.out.printf(
                  Locale.ROOT, "%s\t%s\t%d\t%d\t%s\t%d\t%.1f%n",
                  precision, activation, depth, width, kernel, options.trials, rate);
            }
          }
        }
      }
    }
  }

  /** The median over repetitions of the examples/s of one trial (the mean of the trials run at once). */
  private static double measure(Precision precision, NetworkSpec spec, String kernel, Options options)
      throws Exception {
    List<Stepper> steppers = new ArrayList<>();
    for (int t = 0; t < options.trials; t++) {
      steppers.add(stepper(precision, spec, kernel, t));
    }
    double[] rates = new double[options.repetitions];
    runTogether(steppers, options.warmupSeconds, options.cpuClock);
    for (int rep = 0; rep < options.repetitions; rep++) {
      rates[rep] = runTogether(steppers, options.seconds, options.cpuClock);
    }
    Arrays.sort(rates);
    return rates[rates.length / 2];
  }

  /** Runs every stepper on its own thread for about {@code seconds}; the mean examples/s per stepper. */
  private static double runTogether(List<Stepper> steppers, double seconds, boolean cpuClock)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(steppers.size());
    double[] rates = new double[steppers.size()];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < steppers.size(); t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                rates[index] = steppers.get(index).examplesPerSecond(seconds, cpuClock);
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return Arrays.stream(rates).average().orElseThrow();
  }

  private static Stepper stepper(Precision precision, NetworkSpec spec, String kernel, int trial) {
    return switch (kernel) {
      case "ejml" -> new Stepper<>(spec, precision == Precision.FLOAT64
          ? KernelChoice::ejmlFloat64 : KernelChoice::ejmlFloat32, false, trial);
      case "vector" -> new Stepper<>(spec, kernels(precision), true, trial);
      case "vector-unfused" -> new Stepper<>(spec, kernels(precision), false, trial);
      default -> throw new IllegalArgumentException(
          "unknown kernel '" + kernel + "': one of ejml, vector, vector-unfused");
    };
  }

  private static Supplier<Kernels<?>> kernels(Precision precision) {
    return () -> KernelChoice.forPrecision(precision);
  }

  private static NetworkSpec spec(Activation activation, int depth, int width) {
    return NetworkSpec.uniform(INPUTS, depth, width, CLASSES, activation, Initializer.NORMALIZED);
  }

  /** One trial's network, workspace and a pool of random batches, stepped in a loop. */
  private static final class Stepper<M extends ReshapeMatrix> {
    private final Propagation<M> propagation;
    private final boolean fused;
    private final float[][] features = new float[POOL][BATCH * INPUTS];
    private final int[][] labels = new int[POOL][BATCH];
    private long step;

    @SuppressWarnings("unchecked")
    Stepper(NetworkSpec spec, Supplier<? extends Kernels<?>> kernels, boolean fused, int trial) {
      SplittableRandom random = new SplittableRandom(2010 + trial);
      Kernels<M> k = (Kernels<M>) kernels.get();
      Network<M> network = Network.initialize(spec, k, random);
      this.propagation = new Propagation<>(network, new Workspace<>(spec, k, BATCH));
      this.fused = fused;
      for (int b = 0; b < POOL; b++) {
        for (int n = 0; n < features[b].length; n++) {
          features[b][n] = (float) random.nextDouble(-1.0, 1.0);
        }
        for (int r = 0; r < BATCH; r++) {
          labels[b][r] = random.nextInt(CLASSES);
        }
      }
    }

    /** Steps for about {@code seconds} of wall-clock time; the examples per (wall or CPU) second. */
    double examplesPerSecond(double seconds, boolean cpuClock) {
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      long begin = System.nanoTime();
      long cpuBegin = THREADS.getCurrentThreadCpuTime();
      long steps = 0;
      long now;
      do {
        int b = (int) (step++ % POOL);
        propagation.forward(features[b], BATCH);
        propagation.cost(Cost.NLL, labels[b]);
        if (fused) {
          propagation.backwardAndUpdate(LEARNING_RATE);
        } else {
          propagation.backward();
          propagation.update(LEARNING_RATE);
        }
        steps++;
        now = System.nanoTime();
      } while (now < deadline);
      long elapsed = cpuClock ? THREADS.getCurrentThreadCpuTime() - cpuBegin : now - begin;
      return steps * BATCH / (elapsed / 1e9);
    }
  }

  /** Command-line options; see {@link #main}. */
  private record Options(
      List<String> precisions, List<String> activations, List<Integer> depths, List<Integer> widths,
      List<String> kernels,
      int trials, int repetitions, double seconds, double warmupSeconds, boolean cpuClock) {

    static Options parse(String[] args) {
      List<String> precisions = List.of("float32", "float64");
      List<String> activations = List.of("tanh");
      List<Integer> depths = List.of(1, 3, 5);
      List<Integer> widths = List.of(250, 500, 1000);
      List<String> kernels = List.of("ejml", "vector");
      int trials = 1;
      int repetitions = 5;
      double seconds = 1.0;
      double warmup = 8.0;
      boolean cpuClock = false;
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--precisions" -> precisions = List.of(value.split(","));
          case "--activations" -> activations = List.of(value.split(","));
          case "--depths" -> depths = integers(value);
          case "--widths" -> widths = integers(value);
          case "--kernels" -> kernels = List.of(value.split(","));
          case "--trials" -> trials = Integer.parseInt(value);
          case "--repetitions" -> repetitions = Integer.parseInt(value);
          case "--seconds" -> seconds = Double.parseDouble(value);
          case "--warmup" -> warmup = Double.parseDouble(value);
          case "--clock" -> cpuClock = clock(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
      }
      return new Options(
          precisions, activations, depths, widths, kernels, trials, repetitions, seconds, warmup, cpuClock);
    }

    private static boolean clock(String name) {
      return switch (name) {
        case "cpu" -> true;
        case "wall" -> false;
        default -> throw new IllegalArgumentException("--clock is cpu or wall, not '" + name + "'");
      };
    }

    private static List<Integer> integers(String list) {
      return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }
  }
}
