package org.glorotsweep.sweep;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.glorotsweep.sweep.faults.FaultInjector;

/**
 * The fault injectors the integration tests install, each by naming it in the Spark property
 * {@link FaultInjector#CLASS_PROPERTY} (see {@link #property(Class)}).
 */
public final class TestFaults {
  private TestFaults() {}

  /** The Spark property and value that install {@code injector}. */
  static Map<String, String> property(Class<? extends FaultInjector> injector) {
    return Map.of(FaultInjector.CLASS_PROPERTY, injector.getName());
  }

  /** Every trial's first attempt fails after publishing its first table, as a task lost mid-commit would. */
  public static final class FailFirstAttempts implements FaultInjector {
    @Override
    public void afterFirstPublish(String trialId) {
      if (TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("injected fault: the first attempt of " + trialId + " fails mid-commit");
      }
    }
  }

  /** Every trial of group {@code broken} throws before training, as a bug in the trial would. */
  public static final class BrokenGroup implements FaultInjector {
    @Override
    public void beforeTraining(String trialId, String group) {
      if (group.equals("broken")) {
        throw new IllegalStateException("injected fault: every trial of group broken fails");
      }
    }
  }

  /** The driver fails once a trial is committed, as a driver that dies mid-sweep would. */
  public static final class DriverFailsAfterFirstCommit implements FaultInjector {
    /** Trials started in this JVM (local mode: the driver's); the first two run, the rest wait for the fault. */
    private static final AtomicInteger STARTED = new AtomicInteger();

    @Override
    public void beforeTraining(String trialId, String group) {
      if (STARTED.incrementAndGet() > 2) {
        // hold the later trials until the driver fails and cancels them, so the failure never races their commits
        try {
          Thread.sleep(120_000);
        } catch (InterruptedException cancelled) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void onProgress(int committed) {
      if (committed >= 1) {
        throw new DriverFailure();
      }
    }
  }

  /** The JVM halts after a commit published its first table: a driver (with local executors) killed mid-commit. */
  public static final class HaltMidCommit implements FaultInjector {
    /** The exit status of the halted JVM. */
    public static final int STATUS = 137;

    @Override
    public void afterFirstPublish(String trialId) {
      Runtime.getRuntime().halt(STATUS);
    }
  }

  /**
   * Every trial's first attempt dies when it is about to save its checkpoint at update 200, after saving one at
   * update 100 and training 100 updates more: a task lost with its executor mid-trial.
   */
  public static final class LoseFirstAttemptsAtUpdate200 implements FaultInjector {
    @Override
    public void beforeCheckpoint(String trialId, long update) {
      if (update == 200 && TaskContext.get().attemptNumber() == 0) {
        throw new ExecutorLoss(trialId);
      }
    }
  }

  /**
   * Every trial dies when it is about to save its checkpoint at update 200, on every attempt: with one attempt
   * per task the sweep's job fails and the driver's run ends mid-trial, as a stopped driver's does.
   */
  public static final class LoseEveryAttemptAtUpdate200 implements FaultInjector {
    @Override
    public void beforeCheckpoint(String trialId, long update) {
      if (update == 200) {
        throw new ExecutorLoss(trialId);
      }
    }
  }

  /**
   * What the trial-loss injectors throw: an {@link Error} that is neither a trial's own failure (which the task
   * records as a result) nor fatal to the JVM (which would end an in-process Spark), so Spark sees a lost task.
   */
  static final class ExecutorLoss extends Error {
    private static final long serialVersionUID = 1L;

    ExecutorLoss(String trialId) {
      super("injected fault: trial " + trialId + " lost its executor mid-training");
    }
  }

  /** What {@link DriverFailsAfterFirstCommit} throws. */
  static final class DriverFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DriverFailure() {
      this("injected fault: the driver fails after the first commit");
    }

    DriverFailure(String message) {
      super(message);
    }
  }

  /**
   * The driver fails right after it recorded the first decision of a race's second rung (rung 1), before it
   * runs what follows: a driver that dies mid-search, with decisions recorded and trials paused at rungs.
   */
  public static final class DriverFailsAfterRungOneDecision implements FaultInjector {
    @Override
    public void afterRungDecision(String raceId, int rung) {
      if (rung == 1) {
        throw new DriverFailure("injected fault: the driver fails after race " + raceId + " decided rung 1");
      }
    }
  }
}
