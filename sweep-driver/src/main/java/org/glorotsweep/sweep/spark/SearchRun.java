package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.glorotsweep.sweep.config.ConfigError;
import org.glorotsweep.sweep.config.ConfigException;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.search.Leg;
import org.glorotsweep.sweep.search.RaceState;
import org.glorotsweep.sweep.search.RungDecision;
import org.glorotsweep.sweep.search.SearchPlan;

/**
 * Runs a sweep whose groups race learning rates ({@link org.glorotsweep.sweep.search}): synchronous rungs per
 * race, races interleaved. The trials of groups without a search go out at once as one Spark job. Each race
 * submits its rung's legs as a job of its own, longest first; when that job ends, and every trial of the rung
 * has paused there or ended, the driver decides the rung (recorded once, see {@link SearchLedger}) and
 * submits the next: the promoted trials continue from their checkpoints, the stopped ones commit as stopped.
 * Jobs run in the order submitted (Spark's FIFO scheduler), so while one race waits for the last trial of a
 * rung, the other races' legs keep the cores busy; a race never waits for another.
 *
 * <p>Why synchronous rungs rather than asynchronous ones (ASHA): an asynchronous promotion depends on which
 * trials reported first, so the same sweep could promote differently on another cluster; a synchronous rung
 * decides on all of its trials' metrics at once, a pure function of the specs. Racing models independently
 * recovers most of the cores ASHA would: the idle time is the tail of the last rungs, which the run measures
 * and prints ({@link CoreUsage}).
 *
 * <p>A restart resumes the search: committed trials are skipped, each race is replayed from its recorded
 * decisions, the rung results already recorded count, and every other trial continues from its checkpoint.
 */
final class SearchRun {
  private static final long POLL_MILLIS = 100;

  private final JavaSparkContext jsc;
  private final PrintStream progress;
  private final long progressMillis;
  private final SweepContext context;
  private final SweepLease lease;
  private final LongAccumulator failed;
  private final CoreUsage usage;
  private final SearchLedger ledger;
  private final Set<String> committed = new HashSet<>();
  private final Map<JavaFutureAction<Void>, Batch> running = new LinkedHashMap<>();
  private int decisions;

  SearchRun(JavaSparkContext jsc, PrintStream progress, long progressMillis, SweepContext context, SweepLease lease,
      LongAccumulator failed, CoreUsage usage, SearchLedger ledger) {
    this.jsc = jsc;
    this.progress = progress;
    this.progressMillis = progressMillis;
    this.context = context;
    this.lease = lease;
    this.failed = failed;
    this.usage = usage;
    this.ledger = ledger;
  }

  /** One job's legs, and the race they belong to (null for trials without a search). */
  private record Batch(RaceState race, List<Leg> legs) {}

  /**
   * Runs the sweep's pending trials to the end of their races.
   *
   * @param pending the trials not committed (or retracted to run again)
   * @param skipped the trials committed before
   * @throws ConfigException when a race's recorded decisions were made under another search than the config's
   */
  SweepDriver.Summary run(SweepConfig sweep, List<PlannedTrial> pending, int skipped)
      throws IOException, InterruptedException, ConfigException {
    Set<String> pendingIds = pending.stream().map(PlannedTrial::trialId).collect(Collectors.toSet());
    sweep.trials().stream().map(PlannedTrial::trialId).filter(id -> !pendingIds.contains(id)).forEach(committed::add);
    SearchPlan plan = SearchPlan.of(sweep.trials(), sweep.searches());
    List<Batch> ready = new ArrayList<>();
    List<Leg> grid = plan.unsearched().stream().filter(t -> pendingIds.contains(t.trialId())).map(Leg::toEnd).toList();
    if (!grid.isEmpty()) {
      ready.add(new Batch(null, grid));
    }
    List<RaceState> races = new ArrayList<>();
    for (var race : plan.races()) {
      try {
        races.add(RaceState.replay(race, ledger.decisions(race)));
      } catch (IllegalArgumentException changed) {
        throw new ConfigException(sweep.source(), List.of(new ConfigError("groups[name: " + race.group() + "].search",
            "cannot resume the search on " + sweep.output() + ": " + changed.getMessage()
                + "; expected the search it started with, or run with --rerun, or to another output")));
      }
    }
    for (RaceState race : races) {
      List<Leg> legs = advance(sweep.name(), race);
      if (!legs.isEmpty()) {
        ready.add(new Batch(race, legs));
      }
    }
    ready.sort(Comparator.comparingDouble((Batch b) -> b.legs().stream().mapToDouble(Leg::relativeWork).sum())
        .reversed());
    ready.forEach(this::submit);
    try {
      await(sweep.name(), sweep.trials().size());
    } finally {
      running.keySet().forEach(job -> job.cancel(true));
    }
    long uncommitted = sweep.trials().stream().filter(t -> !committed.contains(t.trialId())).count();
    if (uncommitted > 0) {
      throw new IOException("the search of sweep " + sweep.name() + " ended with " + uncommitted
          + " trials neither committed nor in a race");
    }
    printProgress(sweep.name(), sweep.trials().size());
    progress.println(usage.summary(sweep.name()));
    return new SweepDriver.Summary(pending.size(), skipped, failed.value());
  }

  /**
   * Takes {@code race} as far as it can go without training: decides every rung whose trials have all
   * paused there or ended, and returns the legs to run next (none when the race is over).
   */
  private List<Leg> advance(String sweep, RaceState race) throws IOException {
    while (true) {
      Map<String, Double> reached =
          race.isFinalLeg() ? Map.of() : ledger.reached(race.rung(), race.aliveTrialIds());
      List<Leg> legs = race.legs(committed, reached.keySet());
      if (!legs.isEmpty() || !race.awaitsDecision(committed, reached.keySet())) {
        return legs;
      }
      RungDecision decision = ledger.record(race.decide(reached));
      race.apply(decision);
      decisions++;
      progress.println(describe(sweep, decision));
      FaultInjector.installed().afterRungDecision(decision.raceId(), decision.rung());
    }
  }

  private void submit(Batch batch) {
    List<Leg> legs = batch.legs().stream()
        .sorted(Comparator.comparingDouble(Leg::relativeWork).reversed()).toList();
    SweepContext shipped = context;
    LongAccumulator failures = failed;
    LongAccumulator busy = usage.busyNanos();
    JavaFutureAction<Void> job = jsc.parallelize(legs, legs.size())
        .foreachAsync(leg -> TrialTask.run(leg, shipped, failures, busy));
    running.put(job, batch);
  }

  private void await(String sweep, int total) throws IOException, InterruptedException {
    int committedBefore = committed.size();
    long lastPrint = System.nanoTime();
    while (!running.isEmpty()) {
      if (System.nanoTime() - lastPrint >= progressMillis * 1_000_000L) {
        lease.verify();
        FaultInjector.installed().onProgress(committed.size() - committedBefore);
        printProgress(sweep, total);
        lastPrint = System.nanoTime();
      }
      JavaFutureAction<Void> done = running.keySet().stream().filter(JavaFutureAction::isDone).findFirst().orElse(null);
      if (done == null) {
        Thread.sleep(POLL_MILLIS);
        continue;
      }
      Batch batch = running.remove(done);
      try {
        done.get();
      } catch (ExecutionException e) {
        throw new IOException("the sweep's Spark job failed: " + e.getCause().getMessage(), e.getCause());
      }
      Set<String> paused = batch.race() == null || batch.race().isFinalLeg() ? Set.of()
          : ledger.reached(batch.race().rung(), batch.race().aliveTrialIds()).keySet();
      for (Leg leg : batch.legs()) {
        if (!leg.pauses() || !paused.contains(leg.trial().trialId())) {
          committed.add(leg.trial().trialId());
        }
      }
      if (batch.race() != null) {
        List<Leg> next = advance(sweep, batch.race());
        if (!next.isEmpty()) {
          submit(new Batch(batch.race(), next));
        }
      }
    }
  }

  private void printProgress(String sweep, int total) {
    progress.printf("[%s] %d/%d trials committed, %d rung decisions, %d jobs running%n", sweep,
        committed.size(), total, decisions, running.size());
  }

  private static String describe(String sweep, RungDecision decision) {
    String kept = decision.verdicts().stream().filter(RungDecision.Verdict::promoted)
        .map(v -> String.valueOf(v.learningRate())).collect(Collectors.joining(", "));
    String stopped = decision.verdicts().stream().filter(v -> !v.promoted())
        .map(v -> v.learningRate() + (v.value() == null ? " (not ranked)"
            : String.format(Locale.ROOT, " (%.4g)", v.value())))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "[%s] race %s rung %d (update %d): learning rates %s go on; %s stop", sweep,
        decision.raceId(), decision.rung(), decision.update(), kept, stopped.isEmpty() ? "none" : stopped);
  }
}
