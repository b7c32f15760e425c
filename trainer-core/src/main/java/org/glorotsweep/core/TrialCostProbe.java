package org.glorotsweep.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.ReshapeMatrix;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetProvider;
import org.glorotsweep.core.kernel.KernelChoice;
import org.glorotsweep.core.kernel.Kernels;
import org.glorotsweep.core.monitor.LayerMonitor;
import org.glorotsweep.core.nn.Network;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.core.train.Trainer;
import org.glorotsweep.core.train.TrialRandom;

/**
 * Measures the {@link TrialCosts} of a trial's shape by running the parts of a trial, through the same code a
 * trial runs, for a fraction of a second: a few SGD updates through {@link Trainer}, a learning-curve point,
 * and one point of a {@link LayerMonitor} with and without layer Jacobians. The sweep driver calls it once per
 * distinct shape to quote a sweep's cost before running it; the result describes the machine and the load it
 * runs on, so it is an estimate, never part of a result.
 *
 * <p>First, what a fresh JVM pays once, {@link TrialCosts#coldStart}: loading the data set, then a
 * {@linkplain #warmUpTrial warm-up trial} of the shape run through {@link TrialRunner} twice, the first time
 * on as many threads at once as trials start together in an executor JVM; the cold start is the loading plus
 * the first runs' mean wall time less the second's. The first runs compile the trial's code while competing
 * with each other and with the JIT's threads for the cores, as the first trials of a fresh executor do (on 2
 * cores, a smoke trial took 1.7 s more in a fresh JVM than in a warm one alone, 2.5-2.7 s more with a second
 * starting beside it). Only the first shape a JVM probes sees all of it, a later shape what it compiles anew.
 *
 * <p>Then the warm costs, after an untimed pass over the same parts at their full sizes: updates, as many as
 * fit in about {@value #UPDATE_BUDGET_SECONDS} s; learning-curve points and layer-statistics points, each the median of {@value
 * #REPEATS} timings. Two parts are timed on fewer examples and scaled, being linear in them: a learning-curve
 * point on at most {@value #EVALUATION_EXAMPLES} examples of each set (it propagates them in fixed chunks),
 * and the Jacobians on one example, scaled by {@code jacobianExamples} (each example's Jacobians are
 * decomposed separately). The data set is loaded before timing starts: a catalogue loads each data set once
 * per JVM, so trials share it.
 */
public final class TrialCostProbe {
  /** About how long the timed updates run. */
  static final double UPDATE_BUDGET_SECONDS = 0.3;

  /** The flops of SGD a warm-up trial's updates may take: 2,000 updates of the smoke sweep's 3 x 64 net. */
  static final double WARM_UP_UPDATE_FLOPS = 1e10;
  /** The flops of forward passes its learning-curve and monitor points may take. */
  static final double WARM_UP_EVALUATION_FLOPS = 2e10;
  static final long MIN_WARM_UP_UPDATES = 20;
  static final long MAX_WARM_UP_UPDATES = 2_000;
  static final int MIN_WARM_UP_EXAMPLES = 10;
  static final int MAX_WARM_UP_EXAMPLES = 1_000;
  /** Updates of the pilot run that sizes the timed updates. */
  private static final int PILOT_UPDATES = 200;
  private static final int REPEATS = 3;
  private static final int EVALUATION_EXAMPLES = 500;
  /** Small enough that no probe diverges; the step size does not change an update's cost. */
  private static final double PROBE_LEARNING_RATE = 1e-6;
  private static final long MAX_TIMED_UPDATES = 100_000;
  private static final double NANOS = 1e9;

  private final DatasetProvider datasets;
  private final int startingTogether;

  /**
   * A probe that finds data sets through {@code datasets} and measures the cold start of {@code
   * startingTogether} trials that begin at once in one JVM (an executor's cores, a local master's threads).
   */
  public TrialCostProbe(DatasetProvider datasets, int startingTogether) {
    if (startingTogether < 1) {
      throw new IllegalArgumentException("trials starting together must be >= 1, got " + startingTogether);
    }
    this.datasets = datasets;
    this.startingTogether = startingTogether;
  }

  /**
   * Measures the costs of trials shaped like {@code spec}: its network, batch size, precision, data set and
   * monitoring. Its updates, seed and learning rate do not matter (the probe steps with a tiny learning rate).
   *
   * @throws IOException when the data set cannot be loaded
   */
  public TrialCosts measure(TrialSpec spec) throws IOException {
    long start = System.nanoTime();
    Dataset dataset = datasets.load(spec.data());
    double loading = (System.nanoTime() - start) / NANOS;
    TrialSpec warmUp = warmUpTrial(spec);
    double cold = coldSeconds(warmUp, dataset);
    double warm = secondsOf(warmUp, dataset);
    Kernels<?> kernels = KernelChoice.forPrecision(spec.training().precision());
    measure(spec, dataset, kernels); // the parts at their full sizes, which the warm-up trial's JIT has not seen
    return measure(spec, dataset, kernels).withColdStart(Math.max(0, loading + cold - warm));
  }

  /**
   * A trial through the code of {@code spec}'s trials, as much like one of them as a budget allows, whatever
   * their length: its network and monitors, measured as a trial with the default interval is (at T / 50 and
   * the log-spaced points, every {@code jacobianEvery}-th regular one with Jacobians: about 50 points, 6 of them
   * with Jacobians by default) on one Jacobian example; its updates as many as {@value #WARM_UP_UPDATE_FLOPS}
   * flops of SGD allow (about 6 per parameter and example), between {@value #MIN_WARM_UP_UPDATES} and {@value
   * #MAX_WARM_UP_UPDATES}; its learning-curve and monitor examples as many as {@value
   * #WARM_UP_EVALUATION_FLOPS} flops of forward passes at its points allow (2 per parameter and example, each
   * set), at most the trial's own and {@value #MAX_WARM_UP_EXAMPLES}, at least {@value #MIN_WARM_UP_EXAMPLES}.
   * A small network's warm-up trial is then a whole trial of the smoke sweep's size, so its cold start is what
   * such a trial pays in a fresh JVM: the JIT compiles a loop once it has run long enough, so a shorter run,
   * over fewer examples, ends before the compiler does and misses part of the cost. A large network's stays
   * a few seconds long, against trials of hours.
   */
  static TrialSpec warmUpTrial(TrialSpec spec) {
    TrainingSpec t = spec.training();
    MonitorSpec m = spec.monitor();
    double parameters = spec.network().parameterCount();
    long updates = (long) Math.max(MIN_WARM_UP_UPDATES,
        Math.min(MAX_WARM_UP_UPDATES, WARM_UP_UPDATE_FLOPS / (6 * parameters * t.batchSize())));
    int points = MeasurementSchedule.of(warmUpSchedule(m, m.evaluationExamples(), m.monitorExamples()), updates)
        .points().length;
    int affordable = (int) Math.max(MIN_WARM_UP_EXAMPLES,
        Math.min(MAX_WARM_UP_EXAMPLES, WARM_UP_EVALUATION_FLOPS / (2 * parameters * 2 * Math.max(1, points))));
    int evaluationExamples = m.evaluationExamples() == 0 ? affordable : Math.min(m.evaluationExamples(), affordable);
    MonitorSpec monitor = warmUpSchedule(m, evaluationExamples, Math.min(m.monitorExamples(), affordable));
    TrainingSpec training = new TrainingSpec(t.cost(), t.batchSize(), PROBE_LEARNING_RATE, updates, t.precision());
    return new TrialSpec(spec.network(), training, spec.data(), monitor, spec.seed());
  }

  /** {@code m} with the default interval, one Jacobian example at most, and these example counts. */
  private static MonitorSpec warmUpSchedule(MonitorSpec m, int evaluationExamples, int monitorExamples) {
    return new MonitorSpec(m.enabled(), Math.max(1, monitorExamples), m.logPoints(), 0,
        Math.min(1, m.jacobianExamples()), m.jacobianEvery(), evaluationExamples, m.histogramBins());
  }

  /**
   * The mean wall seconds of {@code startingTogether} runs of {@code trial} started at once, one per thread,
   * in this JVM: the first of a fresh JVM compile the trial's code while competing with each other and with
   * the JIT's own threads for the cores, as the first trials of a fresh executor do.
   */
  private double coldSeconds(TrialSpec trial, Dataset dataset) throws IOException {
    if (startingTogether == 1) {
      return secondsOf(trial, dataset);
    }
    ExecutorService threads = Executors.newFixedThreadPool(startingTogether);
    try {
      List<Future<Double>> runs = new ArrayList<>();
      for (int t = 0; t < startingTogether; t++) {
        runs.add(threads.submit(() -> secondsOf(trial, dataset)));
      }
      double sum = 0;
      for (Future<Double> run : runs) {
        sum += run.get();
      }
      return sum / startingTogether;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while probing " + trial.toJson());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** The wall seconds of running {@code trial} on {@code dataset} through {@link TrialRunner}. */
  private static double secondsOf(TrialSpec trial, Dataset dataset) throws IOException {
    long start = System.nanoTime();
    new TrialRunner(data -> dataset).run(trial);
    return (System.nanoTime() - start) / NANOS;
  }

  /** The warm costs of {@code spec}'s parts, each timed as the class comment says. */
  private static <M extends ReshapeMatrix> TrialCosts measure(TrialSpec spec, Dataset dataset, Kernels<M> kernels) {
    TrialRandom random = new TrialRandom(spec.seed());
    long start = System.nanoTime();
    Network<M> network = Network.initialize(spec.network(), kernels, random.initialization());
    double setup = (System.nanoTime() - start) / NANOS;
    int validation = evaluatedExamples(dataset.validation().size(), spec.monitor().evaluationExamples());
    int test = evaluatedExamples(dataset.test().size(), spec.monitor().evaluationExamples());
    int probed = Math.min(EVALUATION_EXAMPLES, Math.min(validation, test));
    double evaluationScale = (validation + test) / (2.0 * probed);
    double[] evaluations = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      evaluations[r] = timeUpdates(network, spec, dataset, random, 1, probed).evaluation();
    }
    double evaluation = median(evaluations);
    UpdateTiming pilot = timeUpdates(network, spec, dataset, random, PILOT_UPDATES, probed);
    long count = timedUpdates(pilot.updatesSeconds(evaluation) / PILOT_UPDATES);
    double update = timeUpdates(network, spec, dataset, random, count, probed).updatesSeconds(evaluation) / count;
    double monitor = 0;
    double jacobian = 0;
    if (spec.monitor().enabled()) {
      MonitorSpec m = spec.monitor();
      monitor = medianMonitorPoint(network, monitorWithJacobianExamples(m, 0), spec, dataset);
      if (m.jacobianExamples() > 0 && spec.network().depth() >= 2) {
        double oneExample = medianMonitorPoint(network, monitorWithJacobianExamples(m, 1), spec, dataset);
        jacobian = Math.max(0, oneExample - monitor) * m.jacobianExamples();
      }
    }
    return new TrialCosts(setup, update, evaluation * evaluationScale, monitor, jacobian, 0);
  }

  private static long timedUpdates(double pilotUpdate) {
    return Math.max(PILOT_UPDATES, Math.min(MAX_TIMED_UPDATES, (long) (UPDATE_BUDGET_SECONDS / pilotUpdate)));
  }

  /** The examples of a set of {@code size} that a learning-curve point evaluates (0: all of them). */
  private static int evaluatedExamples(int size, int evaluationExamples) {
    return Math.max(1, evaluationExamples == 0 ? size : Math.min(evaluationExamples, size));
  }

  /** The median of {@value #REPEATS} timings of a monitor point. */
  private static <M extends ReshapeMatrix> double medianMonitorPoint(
      Network<M> network, MonitorSpec monitor, TrialSpec spec, Dataset dataset) {
    double[] seconds = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      seconds[r] = timeMonitorPoint(network, monitor, spec, dataset);
    }
    return median(seconds);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * Runs {@code count} updates with learning-curve points at 0 and {@code count} only: the first point is one
   * evaluation, and from it to the end are the updates and one more evaluation.
   */
  private static <M extends ReshapeMatrix> UpdateTiming timeUpdates(
      Network<M> network, TrialSpec spec, Dataset dataset, TrialRandom random, long count, int evaluationExamples) {
    TrainingSpec t = spec.training();
    TrainingSpec training = new TrainingSpec(t.cost(), t.batchSize(), PROBE_LEARNING_RATE, count, t.precision());
    MonitorSpec endsOnly = new MonitorSpec(false, 1, 0, count, 0, 1, evaluationExamples, 1);
    MeasurementSchedule schedule = MeasurementSchedule.of(endsOnly, count);
    Trainer<M> trainer = new Trainer<>(network, training, dataset, random, schedule, evaluationExamples);
    List<Long> pointTimes = new ArrayList<>();
    long start = System.nanoTime();
    trainer.train(() -> false, (update, end, net) -> pointTimes.add(System.nanoTime()));
    long end = System.nanoTime();
    return new UpdateTiming((pointTimes.get(0) - start) / NANOS, (end - pointTimes.get(0)) / NANOS);
  }

  private static <M extends ReshapeMatrix> double timeMonitorPoint(
      Network<M> network, MonitorSpec monitor, TrialSpec spec, Dataset dataset) {
    LayerMonitor<M> layers =
        new LayerMonitor<>(network, monitor, spec.training(), dataset.test(), MeasurementSchedule.of(monitor, 0));
    long start = System.nanoTime();
    layers.observe(0, false, network);
    return (System.nanoTime() - start) / NANOS;
  }

  private static MonitorSpec monitorWithJacobianExamples(MonitorSpec m, int examples) {
    return new MonitorSpec(
        m.enabled(), m.monitorExamples(), m.logPoints(), m.interval(), examples, m.jacobianEvery(),
        m.evaluationExamples(), m.histogramBins());
  }

  /** Seconds of the first learning-curve point, and from it to the end (the updates and the last point). */
  private record UpdateTiming(double evaluation, double afterFirstPoint) {
    /** The seconds of the updates alone, given the typical seconds of a point. */
    double updatesSeconds(double typicalEvaluation) {
      return Math.max(0, afterFirstPoint - typicalEvaluation);
    }
  }
}
