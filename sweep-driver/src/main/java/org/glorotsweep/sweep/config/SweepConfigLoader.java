package org.glorotsweep.sweep.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glorotsweep.sweep.grid.DataShapes;

/**
 * Reads and validates a sweep file and expands it into trials, before anything runs. Every problem found is
 * reported at once in a {@link ConfigException} naming the file, the key path, the value and what is allowed.
 *
 * <h2>The sweep file</h2>
 *
 * <pre>{@code
 * sweep: smoke              # required; the sweep's name, [a-z][a-z0-9_-]*
 * seed: 20100513            # required; the sweep seed, an integer
 * output: target/sweeps     # required; a local path or Hadoop URI (the command line may override it)
 * timeout_seconds: 900      # optional; a trial's wall-clock limit, >= 1
 * checkpoint_every:         # optional; off, or updates (>= 1) and/or minutes (> 0) between checkpoints;
 *   minutes: 30             #   default: every 30 minutes for trials estimated to take 5 minutes or more
 * common: {...}             # optional; trial keys every group starts from
 * groups:                   # required; at least one
 *   - name: table1          # required; [a-z0-9_-]+, unique in the file
 *     activation: [tanh, softsign]   # trial keys, overriding common's
 *     search: {min_updates: 100, eta: 3}   # optional; successive halving over learning_rate (SearchReader)
 * }</pre>
 *
 * <p>Trial keys, in common or in a group; a list value sweeps the axis, a scalar fixes it:
 *
 * <ul>
 *   <li>{@code dataset} (required): the data set's catalogue name;
 *   <li>{@code depth} and {@code width} (integers &ge; 0 and &ge; 1), or {@code hidden_widths}, a list of
 *       architectures each a list of widths ({@code [[100, 50]]}); one of the two forms is required;
 *   <li>{@code activation} (required): sigmoid, tanh, softsign, relu, identity;
 *   <li>{@code init} (required): standard, normalized, he, lecun, orthogonal;
 *   <li>{@code init_gain} (default 1.0), {@code cost} (nll or quadratic, default nll), {@code learning_rate}
 *       (required, &gt; 0), {@code batch_size} (default 10), {@code updates} (required, &ge; 0), {@code
 *       precision} (float32 or float64, default float32);
 *   <li>{@code repeats: N} (the repeat indices 0..N-1) or {@code repeat} (explicit indices &ge; 0), default
 *       repeat 0; the repeat index is the seed of the spec a trial's id is computed from;
 *   <li>{@code data_options} (not an axis): a map of option name to scalar, passed to the data set as text;
 *   <li>{@code monitor} (not an axis): a map of {@code enabled, examples, log_points, interval,
 *       jacobian_examples, jacobian_every, evaluation_examples, histogram_bins}, defaults as in
 *       {@code MonitorSpec.DEFAULT}; {@code jacobian_examples} must not exceed {@code examples}.
 * </ul>
 *
 * <p>How common and a group combine, and hence the order of the trials, is stated in {@link GroupMerger}:
 * common's keys in common's order (a group's value replacing common's in place), then the group's own keys in
 * the group's order; the first axis varies slowest.
 */
public final class SweepConfigLoader {
  private SweepConfigLoader() {}

  /**
   * Loads a sweep file.
   *
   * @param file the YAML file, UTF-8
   * @param shapes looks up each data set's input size and class count, which also checks its files
   * @throws ConfigException when the file cannot be read or is not a valid sweep
   */
  public static SweepConfig load(Path file, DataShapes shapes) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(),
          List.of(new ConfigError("", "cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
    }
    return parse(text, file.toString(), shapes);
  }

  /**
   * Reads a sweep from YAML text.
   *
   * @param yaml the sweep file's text
   * @param source what to call it in messages, e.g. its path
   * @param shapes looks up each data set's input size and class count
   * @throws ConfigException when the text is not a valid sweep
   */
  public static SweepConfig parse(String yaml, String source, DataShapes shapes) throws ConfigException {
    return new SweepFileReader(source, shapes).read(YamlDocument.load(yaml, source));
  }
}
