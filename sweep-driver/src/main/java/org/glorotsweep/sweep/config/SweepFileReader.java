package org.glorotsweep.sweep.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glorotsweep.core.train.CheckpointInterval;
import org.glorotsweep.sweep.grid.DataShapes;
import org.glorotsweep.sweep.grid.Expander;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.grid.TrialGroup;
import org.glorotsweep.sweep.search.SearchPolicy;

/**
 * Reads a loaded sweep document into a {@link SweepConfig}: the top-level keys, {@code common}, each group,
 * the merge of common into every group, and the expansion. It goes on after a problem, so that one pass
 * reports every problem it can; a block with a problem is left out of the later steps, which would only
 * repeat it.
 */
final class SweepFileReader {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");
  private static final String NAME_RULE = "a name matching [a-z0-9_-]+";
  /**
   * The sweep's name is the partition directory {@code sweep=<name>} of every table, and engines that infer
   * partition types (DuckDB, pandas, Spark without our schema) would read a name such as {@code 2010} as a
   * number or {@code 2010-01-01} as a date; a letter first keeps it text everywhere.
   */
  private static final Pattern SWEEP_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final String SWEEP_NAME_RULE =
      "a name matching [a-z][a-z0-9_-]* (a letter first, so that no engine reads the sweep partition as a "
          + "number or a date)";
  private static final String COMMON = "common";
  private static final String GROUPS = "groups";
  private static final String CHECKPOINT_EVERY = "checkpoint_every";
  private static final String CHECKPOINT_RULE =
      "off, or a map of updates (an integer >= 1) and/or minutes (a number > 0)";
  private static final List<String> TOP_KEYS =
      List.of("sweep", "seed", "output", "timeout_seconds", CHECKPOINT_EVERY, COMMON, GROUPS);
  private static final List<String> GROUP_KEYS =
      Stream.of(Stream.of("name"), BlockReader.TRIAL_KEYS.stream(), Stream.of(SearchReader.SEARCH))
          .flatMap(keys -> keys).toList();

  private final String source;
  private final DataShapes shapes;
  private final ErrorCollector errors = new ErrorCollector();
  private final Map<String, SearchPolicy> searches = new LinkedHashMap<>();
  private final Map<String, String> pathByGroup = new HashMap<>();

  SweepFileReader(String source, DataShapes shapes) {
    this.source = source;
    this.shapes = shapes;
  }

  /**
   * The sweep the document describes.
   *
   * @param root the document's root value
   * @throws ConfigException with every problem found
   */
  SweepConfig read(Object root) throws ConfigException {
    if (!(root instanceof Map<?, ?> top)) {
      String detail = Values.wrongType(root, "a map with the keys " + String.join(", ", TOP_KEYS)).getMessage();
      throw new ConfigException(source, List.of(new ConfigError("", detail)));
    }
    errors.rejectUnknownKeys(top, "", TOP_KEYS);
    Optional<String> name =
        required(top, "", "sweep", SWEEP_NAME_RULE, raw -> name(raw, SWEEP_NAME, SWEEP_NAME_RULE));
    Optional<Long> seed = required(top, "", "seed", "an integer", Values::longInteger);
    Optional<String> output =
        required(top, "", "output", "a local path or a Hadoop file system URI", Values::text);
    Optional<Duration> timeout =
        top.containsKey("timeout_seconds")
            ? errors.read("timeout_seconds", () -> timeout(top.get("timeout_seconds")))
            : Optional.empty();
    Optional<CheckpointPolicy> checkpoints =
        top.containsKey(CHECKPOINT_EVERY)
            ? checkpointPolicy(top.get(CHECKPOINT_EVERY))
            : Optional.of(CheckpointPolicy.DEFAULT);
    Optional<Block> common =
        top.containsKey(COMMON)
            ? errors.read(COMMON, () -> Values.map(top.get(COMMON), "a map of trial settings"))
                .flatMap(map -> BlockReader.read(map, COMMON, BlockReader.TRIAL_KEYS, errors))
            : Optional.of(Block.empty(COMMON));
    List<TrialGroup> groups = groups(top, common);
    // An invalid seed is already reported; any seed lets the expansion report its own problems.
    List<PlannedTrial> trials = Expander.expand(seed.orElse(0L), groups, shapes, errors);
    SearchReader.check(searches, pathByGroup, trials, errors);
    errors.throwIfAny(source);
    return new SweepConfig(
        name.get(), seed.get(), output.get(), timeout, checkpoints.get(), source, trials, searches);
  }

  private List<TrialGroup> groups(Map<?, ?> top, Optional<Block> common) {
    Optional<List<?>> list =
        required(top, "", GROUPS, "a list of groups", raw -> Values.list(raw, "a list of groups"));
    if (list.isEmpty()) {
      return List.of();
    }
    if (list.get().isEmpty()) {
      errors.report(GROUPS, "[] is empty; expected at least one group, each a map with a name");
    }
    Map<String, String> pathByName = new HashMap<>();
    List<TrialGroup> groups = new ArrayList<>();
    for (int i = 0; i < list.get().size(); i++) {
      String path = KeyPath.element(GROUPS, i);
      Object raw = list.get().get(i);
      errors.read(path, () -> Values.map(raw, "a map of group settings with a name"))
          .flatMap(map -> group(map, path, common, pathByName))
          .ifPresent(groups::add);
    }
    return groups;
  }

  private Optional<TrialGroup> group(
      Map<?, ?> map, String path, Optional<Block> common, Map<String, String> pathByName) {
    Optional<String> name = required(map, path, "name", NAME_RULE, raw -> name(raw, NAME, NAME_RULE));
    name.ifPresent(
        n -> {
          String earlier = pathByName.putIfAbsent(n, path);
          if (earlier != null) {
            errors.report(
                KeyPath.child(path, "name"),
                "'" + n + "' is already the name of " + earlier + "; expected a name no other group has");
          }
        });
    Optional<Block> block = BlockReader.read(map, path, GROUP_KEYS, errors);
    Optional<SearchPolicy> search = map.containsKey(SearchReader.SEARCH)
        ? SearchReader.read(map.get(SearchReader.SEARCH), KeyPath.child(path, SearchReader.SEARCH), errors)
        : Optional.empty();
    if (name.isEmpty() || block.isEmpty() || common.isEmpty()) {
      return Optional.empty();
    }
    pathByGroup.put(name.get(), path);
    search.ifPresent(policy -> searches.put(name.get(), policy));
    return GroupMerger.merge(common.get(), block.get(), name.get(), errors);
  }

  private <T> Optional<T> required(
      Map<?, ?> map, String path, String key, String expected, Function<Object, T> reader) {
    String keyPath = KeyPath.child(path, key);
    if (!map.containsKey(key)) {
      errors.report(keyPath, "is missing; expected " + expected);
      return Optional.empty();
    }
    return errors.read(keyPath, () -> reader.apply(map.get(key)));
  }

  private static String name(Object raw, Pattern allowed, String rule) {
    if (!(raw instanceof String name)) {
      throw Values.wrongType(raw, rule);
    }
    if (!allowed.matcher(name).matches()) {
      throw new InvalidValue("'" + name + "' is not allowed; expected " + rule);
    }
    return name;
  }

  /** {@code checkpoint_every}: off, or {@code {updates: N, minutes: M}} with at least one of the two. */
  private Optional<CheckpointPolicy> checkpointPolicy(Object raw) {
    if ("off".equals(raw) || Boolean.FALSE.equals(raw)) {
      return Optional.of(new CheckpointPolicy(CheckpointInterval.NEVER));
    }
    Optional<Map<?, ?>> map = errors.read(CHECKPOINT_EVERY, () -> Values.map(raw, CHECKPOINT_RULE));
    if (map.isEmpty()) {
      return Optional.empty();
    }
    errors.rejectUnknownKeys(map.get(), CHECKPOINT_EVERY, List.of("updates", "minutes"));
    if (!map.get().containsKey("updates") && !map.get().containsKey("minutes")) {
      errors.report(CHECKPOINT_EVERY, "{} sets no interval; expected " + CHECKPOINT_RULE);
      return Optional.empty();
    }
    Optional<Long> updates =
        map.get().containsKey("updates")
            ? errors.read(KeyPath.child(CHECKPOINT_EVERY, "updates"), () -> positiveUpdates(map.get().get("updates")))
            : Optional.of(0L);
    Optional<Duration> minutes =
        map.get().containsKey("minutes")
            ? errors.read(KeyPath.child(CHECKPOINT_EVERY, "minutes"), () -> positiveMinutes(map.get().get("minutes")))
            : Optional.of(Duration.ZERO);
    if (updates.isEmpty() || minutes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CheckpointPolicy(new CheckpointInterval(updates.get(), minutes.get())));
  }

  private static long positiveUpdates(Object raw) {
    long updates = Values.longInteger(raw);
    if (updates < 1) {
      throw new InvalidValue(updates + " is not allowed; expected a number of updates >= 1");
    }
    return updates;
  }

  private static Duration positiveMinutes(Object raw) {
    double minutes = Values.number(raw);
    if (!(minutes > 0) || Double.isInfinite(minutes)) {
      throw new InvalidValue(minutes + " is not allowed; expected a number of minutes > 0");
    }
    return Duration.ofMillis(Math.max(1, Math.round(minutes * 60_000)));
  }

  private static Duration timeout(Object raw) {
    long seconds = Values.longInteger(raw);
    if (seconds <= 0) {
      throw new InvalidValue(seconds + " is not allowed; expected a number of seconds >= 1");
    }
    return Duration.ofSeconds(seconds);
  }
}
