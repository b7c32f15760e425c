package org.glorotsweep.sweep.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glorotsweep.core.train.MeasurementSchedule;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.search.Race;
import org.glorotsweep.sweep.search.RaceMetric;
import org.glorotsweep.sweep.search.SearchPlan;
import org.glorotsweep.sweep.search.SearchPolicy;

/**
 * Reads a group's {@code search} and checks it against the group's trials:
 *
 * <pre>{@code
 * search:
 *   strategy: successive_halving   # optional; the only strategy
 *   over: [learning_rate]          # optional; the only axis raced over
 *   eta: 3                         # optional, default 3; an integer >= 2
 *   min_updates: 100               # required; the first rung's updates, an integer >= 1
 *   metric: valid_error            # optional, default valid_error; or best_valid_error
 * }</pre>
 *
 * <p>Every rung short of a trial's updates must be one of its measurement points (so the rung's metric is
 * measured, and a trial continued from there measures what an uninterrupted one does), min_updates must be
 * below every trial's updates, and every model must race at least two learning rates.
 */
final class SearchReader {
  static final String SEARCH = "search";
  private static final List<String> KEYS = List.of("strategy", "over", "eta", "min_updates", "metric");
  private static final String STRATEGY = "successive_halving";
  private static final String RULE =
      "a map of min_updates (an integer >= 1) and optionally eta (an integer >= 2, default 3), metric "
          + "(valid_error or best_valid_error), strategy (successive_halving) and over ([learning_rate])";

  private SearchReader() {}

  /** The policy at {@code path} ({@code groups[i].search}); empty, with the problems reported, when invalid. */
  static Optional<SearchPolicy> read(Object raw, String path, ErrorCollector errors) {
    Optional<Map<?, ?>> read = errors.read(path, () -> Values.map(raw, RULE));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Map<?, ?> map = read.get();
    int before = errors.count();
    errors.rejectUnknownKeys(map, path, KEYS);
    if (map.containsKey("strategy")) {
      errors.read(KeyPath.child(path, "strategy"), () -> oneOf(map.get("strategy"), STRATEGY));
    }
    if (map.containsKey("over")) {
      errors.read(KeyPath.child(path, "over"), () -> over(map.get("over")));
    }
    Optional<Integer> eta = map.containsKey("eta")
        ? errors.read(KeyPath.child(path, "eta"), () -> atLeast(Values.integer(map.get("eta")), 2, "an integer >= 2"))
        : Optional.of(3);
    Optional<Long> minUpdates = Optional.empty();
    if (map.containsKey("min_updates")) {
      minUpdates = errors.read(KeyPath.child(path, "min_updates"),
          () -> (long) atLeast(Values.longInteger(map.get("min_updates")), 1L, "an integer >= 1"));
    } else {
      errors.report(KeyPath.child(path, "min_updates"), "is missing; expected the first rung's updates, an integer >= 1");
    }
    Optional<RaceMetric> metric = map.containsKey("metric")
        ? errors.read(KeyPath.child(path, "metric"), () -> metric(map.get("metric")))
        : Optional.of(RaceMetric.VALID_ERROR);
    if (errors.count() != before || eta.isEmpty() || minUpdates.isEmpty() || metric.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SearchPolicy(eta.get(), minUpdates.get(), metric.get()));
  }

  /**
   * Checks every searched group's races: each rung short of T a measurement point, u_0 below T, and at least
   * two learning rates per model; a problem is reported once per group and kind, at the group's search.
   *
   * @param searches the policies by group name. Not modified.
   * @param pathByGroup each group's key path, e.g. {@code groups[1]}. Not modified.
   */
  static void check(Map<String, SearchPolicy> searches, Map<String, String> pathByGroup, List<PlannedTrial> trials,
      ErrorCollector errors) {
    for (Race race : SearchPlan.of(trials, searches).races()) {
      String path = KeyPath.child(pathByGroup.get(race.group()), SEARCH);
      PlannedTrial first = race.arms().get(0).repeats().get(0);
      SearchPolicy policy = race.policy();
      if (race.arms().size() < 2) {
        errors.reportRepeated(path + " rates", path, "the model of trial " + first.trialId() + " (" + first.origin()
            + ") has only learning rate " + first.learningRate() + "; expected a list of at least 2 learning rates"
            + " to race");
      }
      if (race.rungs().size() < 2) {
        errors.reportRepeated(path + " below", KeyPath.child(path, "min_updates"), policy.minUpdates()
            + " is not below the " + race.updates() + " updates of trial " + first.trialId() + " (" + first.origin()
            + "); expected fewer updates than the trials'");
      }
      MeasurementSchedule schedule = MeasurementSchedule.of(first.spec().monitor(), race.updates());
      for (long rung : race.rungs()) {
        if (!schedule.contains(rung)) {
          errors.reportRepeated(path + " points", KeyPath.child(path, "min_updates"), String.format(
              "rung %d (min_updates %d x eta %d^k) is not a measurement point of trial %s (%s, %d updates); "
                  + "expected min_updates and eta whose rungs fall on its points: a multiple of its measurement "
                  + "interval (monitor.interval, default updates / 50), %s", rung, policy.minUpdates(),
              policy.eta(), first.trialId(), first.origin(), race.updates(), regularPoints(schedule)));
          break;
        }
      }
    }
  }

  private static String regularPoints(MeasurementSchedule schedule) {
    long[] points = schedule.points();
    int shown = Math.min(points.length, 8);
    StringBuilder text = new StringBuilder("its points begin ");
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(points[i]);
    }
    return text.append(points.length > shown ? ", ..." : "").toString();
  }

  private static <N extends Comparable<N>> N atLeast(N value, N least, String expected) {
    if (value.compareTo(least) < 0) {
      throw new InvalidValue(value + " is not allowed; expected " + expected);
    }
    return value;
  }

  private static String oneOf(Object raw, String allowed) {
    String text = Values.text(raw);
    if (!text.equals(allowed)) {
      throw new InvalidValue("'" + text + "' is not allowed; expected " + allowed);
    }
    return text;
  }

  private static List<?> over(Object raw) {
    List<?> axes = Values.list(raw, "[learning_rate]");
    if (!axes.equals(List.of("learning_rate"))) {
      throw new InvalidValue(Values.describe(raw) + " is not allowed; expected [learning_rate], the only axis a "
          + "search races over");
    }
    return axes;
  }

  private static RaceMetric metric(Object raw) {
    String name = Values.text(raw);
    return RaceMetric.forName(name).orElseThrow(
        () -> new InvalidValue("'" + name + "' is not allowed; expected valid_error or best_valid_error"));
  }
}
