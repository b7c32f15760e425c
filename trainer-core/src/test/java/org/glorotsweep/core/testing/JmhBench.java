package org.glorotsweep.core.testing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of one class, for the hand-run benchmark mains (never for tests), and hands their
 * scores back so that the main can print ratios between benchmarks measured in the same run.
 *
 * <p>The arguments are JMH's own command line ({@code -f 3} for three forks, {@code -p precision=float64},
 * {@code -wi}, {@code -i}, ...; {@code -h} lists them); only the benchmarks of the given class run. Each score
 * is the median of the measurement iterations' scores (of all forks), with their minimum and maximum as the
 * spread: on a shared machine the median is the figure to quote.
 */
public final class JmhBench {
  private JmhBench() {}

  /** One benchmark's median score and the spread of its iterations, in its {@link #unit}. */
  public record Score(double median, double min, double max, String unit, long iterations) {
    /** The median, its spread and its unit, e.g. "412.3 us/op (405.1-430.0, 5 iterations)". */
    public String describe() {
      return String.format(Locale.ROOT, "%.4g %s (%.4g-%.4g, %d iterations)", median, unit, min, max, iterations);
    }
  }

  /**
   * Runs the benchmarks of {@code benchmarks} with JMH options parsed from {@code args} and returns their
   * scores by method name, in the order JMH ran them.
   *
   * @throws CommandLineOptionException when {@code args} are not JMH options
   * @throws RunnerException when JMH fails
   */
  public static Map<String, Score> run(Class<?> benchmarks, String[] args)
      throws CommandLineOptionException, RunnerException {
    Options options =
        new OptionsBuilder().parent(new CommandLineOptions(args)).include(benchmarks.getName() + "\\.").build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Score> scores = new LinkedHashMap<>();
    for (RunResult run : results) {
      String label = run.getParams().getBenchmark();
      Result<?> primary = run.getPrimaryResult();
      var statistics = primary.getStatistics();
      scores.put(
          label.substring(label.lastIndexOf('.') + 1),
          new Score(statistics.getPercentile(50), statistics.getMin(), statistics.getMax(), primary.getScoreUnit(),
              statistics.getN()));
    }
    return scores;
  }
}
