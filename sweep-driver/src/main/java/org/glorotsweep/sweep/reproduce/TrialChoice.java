package org.glorotsweep.sweep.reproduce;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which committed trials a reproduction runs again: all of them, a deterministic sample of N, or the ones
 * named. Only trials that ended {@code ok} or {@code diverged} are reproducible: a failed trial has no result
 * to compare, and a timed-out one stopped at a wall-clock time, not at an update a re-run could stop at.
 *
 * <p>The sample of N is the N reproducible trials whose SHA-256 of {@code "glorot-sweep reproduce " + trial_id}
 * (hex) is smallest: a fixed pseudo-random choice, spread over the sweep's groups and settings, the same on every
 * night (so each trial's verdicts form a history), and growing N keeps the trials a smaller N chose.
 *
 * @param count the sample size, or 0 when {@code ids} or all
 * @param ids the trials named, or empty
 */
public record TrialChoice(int count, List<String> ids) {
  /** Every reproducible trial. */
  public static final TrialChoice ALL = new TrialChoice(0, List.of());

  /** The statuses of reproducible trials. */
  public static final List<String> REPRODUCIBLE = List.of("ok", "diverged");

  private static final Pattern COUNT = Pattern.compile("[0-9]+");
  private static final Pattern TRIAL_ID = Pattern.compile("[0-9a-f]{32}");

  /** Copies {@code ids}. */
  public TrialChoice {
    ids = List.copyOf(ids);
  }

  /**
   * The choice {@code --trials} gives: {@code all}, a count N &ge; 1, or trial ids (32 hex digits).
   *
   * @throws IllegalArgumentException naming the value that is neither, and what is allowed
   */
  public static TrialChoice parse(List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("--trials needs a value: all, a number N >= 1, or trial ids");
    }
    if (values.size() == 1 && values.get(0).equals("all")) {
      return ALL;
    }
    if (values.size() == 1 && COUNT.matcher(values.get(0)).matches()) {
      int count;
      try {
        count = Integer.parseInt(values.get(0));
      } catch (NumberFormatException tooLarge) {
        count = 0;
      }
      if (count < 1) {
        throw new IllegalArgumentException(
            "--trials " + values.get(0) + ": expected a number of trials from 1 to " + Integer.MAX_VALUE);
      }
      return new TrialChoice(count, List.of());
    }
    Set<String> ids = new TreeSet<>();
    for (String value : values) {
      if (!TRIAL_ID.matcher(value).matches()) {
        throw new IllegalArgumentException("--trials " + value
            + ": expected all, a number N >= 1, or trial ids (32 lower-case hex digits, as trials.trial_id)");
      }
      ids.add(value);
    }
    return new TrialChoice(0, new ArrayList<>(ids));
  }

  /**
   * The chosen rows of {@code committed} (the {@code trials} rows of one sweep), by trial id.
   *
   * @throws IllegalArgumentException naming each named trial that is not committed or not reproducible
   */
  public List<Row> select(Dataset<Row> committed) {
    Dataset<Row> reproducible = committed.where(col("status").isin(REPRODUCIBLE.toArray()));
    if (!ids.isEmpty()) {
      List<Row> named = reproducible.where(col("trial_id").isin(ids.toArray())).orderBy("trial_id").collectAsList();
      if (named.size() < ids.size()) {
        throw new IllegalArgumentException(missing(committed, named));
      }
      return named;
    }
    Dataset<Row> ordered = reproducible.orderBy(sha2(concat(lit("glorot-sweep reproduce "), col("trial_id")), 256));
    return (count > 0 ? ordered.limit(count) : ordered).orderBy("trial_id").collectAsList();
  }

  /** What is wrong with the named trials that are not among {@code found}. */
  private String missing(Dataset<Row> committed, List<Row> found) {
    Set<String> absent = new TreeSet<>(ids);
    found.forEach(row -> absent.remove(row.<String>getAs("trial_id")));
    List<String> problems = new ArrayList<>();
    for (Row row : committed.where(col("trial_id").isin(absent.toArray())).collectAsList()) {
      String id = row.getAs("trial_id");
      problems.add(id + " ended " + row.getAs("status") + " (only trials that ended "
          + String.join(" or ", REPRODUCIBLE) + " can be reproduced)");
      absent.remove(id);
    }
    absent.forEach(id -> problems.add(id + " is not a committed trial of the sweep"));
    return "--trials: " + String.join("; ", problems);
  }
}
