package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.result.Provenance;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.result.TrialStatus;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.results.ExecutionInfo;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ResultTable;
import org.glorotsweep.sweep.results.TrialCommitter;
import org.glorotsweep.sweep.results.TrialFailure;
import org.glorotsweep.sweep.results.SearchColumns;
import org.glorotsweep.sweep.results.TrialRows;
import org.glorotsweep.sweep.search.Leg;
import org.glorotsweep.sweep.search.RungResult;

/**
 * One Spark task: trains one trial on this executor's single core and commits its rows (see
 * {@link TrialCommitter}). A trial's outcome (ok, diverged, timeout, or failed with its cause) is always a
 * result, so one bad trial never stops the sweep. Errors that may be transient (the file system's I/O, the JVM
 * running out of memory; see {@link Retries}) are rethrown for Spark to retry, except on the last allowed attempt,
 * which records them; errors of the trial itself (a bad spec, a broken data file, a bug) are deterministic and
 * recorded at once, never retried. A task Spark
 * kills (a cancelled sweep, a losing speculative copy) stops training and commits nothing.
 *
 * <p>A trial saves checkpoints as its sweep's {@code checkpoint_every} says (see {@link HadoopCheckpointStore})
 * and starts from its latest valid one, so a retry after a lost executor, or a second {@code run} after a lost
 * driver, resumes instead of starting over; the checkpoint is deleted once the rows are committed. A search's
 * trial pausing at a rung keeps the checkpoint of exactly that update, from which its race continues it.
 */
final class TrialTask {
  /** Data sets loaded in this JVM, shared read-only by every trial that runs here. */
  private static volatile DatasetCatalog catalog;

  private TrialTask() {}

  /**
   * Runs one leg of a trial (a whole trial, or a search's leg to a rung; see {@link Leg}): a leg that pauses
   * at a rung records its metric there (see {@link SearchLedger}) and keeps its checkpoint instead of
   * committing; every other leg commits the trial's rows. The task's wall time is added to {@code busyNanos}.
   */
  static void run(Leg leg, SweepContext context, LongAccumulator failed, LongAccumulator busyNanos)
      throws IOException {
    long start = System.nanoTime();
    try {
      runLeg(leg, context, failed);
    } finally {
      busyNanos.add(System.nanoTime() - start);
    }
  }

  private static void runLeg(Leg leg, SweepContext context, LongAccumulator failed) throws IOException {
    PlannedTrial trial = leg.trial();
    TaskContext task = TaskContext.get();
    int attempt = task.attemptNumber();
    boolean lastAttempt = attempt + 1 >= context.maxAttempts();
    Configuration conf = context.hadoop().get();
    long start = System.nanoTime();
    Map<ResultTable, List<Object[]>> rows;
    OutputLayout layout = new OutputLayout(new Path(context.output()), context.sweep());
    HadoopCheckpointStore checkpoints =
        HadoopCheckpointStore.of(layout, trial.trialId(), trial.spec().training().precision(), conf);
    try {
      FaultInjector.installed().beforeTraining(trial.trialId(), trial.group());
      TrialResult result =
          new TrialRunner(catalog(conf))
              .run(trial.spec(), context.timeout(), context.checkpoints().intervalFor(trial), checkpoints,
                  leg.stopAfter());
      if (result.status() == TrialStatus.STOPPED && leg.pauses()) {
        new SearchLedger(layout, conf).record(new RungResult(
            trial.trialId(), leg.rung(), leg.stopAfter(), leg.metric().of(result.curve(), leg.stopAfter())));
        return;
      }
      rows = TrialRows.of(trial, result, searchColumns(leg, result), execution(attempt, start));
    } catch (IOException | VirtualMachineError e) {
      if (!lastAttempt && Retries.mayCure(e)) {
        throw e;
      }
      rows = failure(trial, e, attempt, start);
      failed.add(1);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      task.killTaskIfInterrupted();
      rows = failure(trial, e, attempt, start);
      failed.add(1);
    }
    String attemptTag = task.stageId() + "-" + task.taskAttemptId() + "-" + UUID.randomUUID();
    task.killTaskIfInterrupted();
    new TrialCommitter(new Path(context.output()), context.sweep(), conf).commit(trial.trialId(), rows, attemptTag);
    checkpoints.delete();
  }

  /** The leg's search columns, with its stop only when the trial did stop there; null outside a search. */
  private static SearchColumns searchColumns(Leg leg, TrialResult result) {
    if (leg.search() == null || result.status() == TrialStatus.STOPPED) {
      return leg.search();
    }
    return SearchColumns.notStopped(leg.search().rungs());
  }

  private static Map<ResultTable, List<Object[]>> failure(
      PlannedTrial trial, Throwable error, int attempt, long start) {
    return TrialRows.ofFailure(
        trial, TrialFailure.of(error), Provenance.ofThisJvm(null, null, null), execution(attempt, start));
  }

  private static ExecutionInfo execution(int attempt, long start) {
    return new ExecutionInfo(
        hostName(), attempt, org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        (System.nanoTime() - start) / 1e9);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static DatasetCatalog catalog(Configuration conf) {
    DatasetCatalog current = catalog;
    if (current == null) {
      synchronized (TrialTask.class) {
        if (catalog == null) {
          catalog = new DatasetCatalog(new HadoopFileOpener(conf));
        }
        current = catalog;
      }
    }
    return current;
  }
}
