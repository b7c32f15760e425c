package org.glorotsweep.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkEnv;
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

  /** The exit status of a JVM an injector halts: that of a process killed by SIGKILL. */
  public static final int HALTED = 137;

  /** The JVM halts after a commit published its first table: a driver (with local executors) killed mid-commit. */
  public static final class HaltMidCommit implements FaultInjector {
    @Override
    public void afterFirstPublish(String trialId) {
      Runtime.getRuntime().halt(HALTED);
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
   * The JVM halts when a trial is about to save its checkpoint at update 200, after saving one at update 100 and
   * training 100 updates more: a driver (with local executors) killed mid-trial. The first trial to get there
   * halts it; a trial running beside it is wherever it is at that instant.
   */
  public static final class HaltAtUpdate200 implements FaultInjector {
    @Override
    public void beforeCheckpoint(String trialId, long update) {
      if (update == 200) {
        Runtime.getRuntime().halt(HALTED);
      }
    }
  }

  /**
   * The first trial of the application to be about to save its checkpoint at update 200 (after saving one at
   * update 100 and training 100 updates more) stops there and asks to be killed: it writes the file {@value
   * #KILL_REQUEST} into the directory that the Spark property {@value #KILL_REQUEST_DIRECTORY} names, holding its
   * trial id and its JVM's process id, then waits for the test to kill that JVM. It claims its place with a file
   * created exclusively, so one trial in the whole application stops, whichever executor JVM runs it. A trial
   * that is not killed within {@link #UNKILLED_LIMIT} fails (as its own error, so the test sees it).
   */
  public static final class AwaitKillAtUpdate200 implements FaultInjector {
    /** The Spark property naming the (local) directory of the kill request. */
    public static final String KILL_REQUEST_DIRECTORY = "spark.glorotsweep.test.killRequestDirectory";
    /** The kill request's file name: one line, {@code TRIAL_ID PID}. */
    public static final String KILL_REQUEST = "kill-request";
    /** How long the stopped trial waits for its kill. */
    static final Duration UNKILLED_LIMIT = Duration.ofMinutes(5);

    @Override
    public void beforeCheckpoint(String trialId, long update) {
      if (update != 200) {
        return;
      }
      Path directory = Path.of(SparkEnv.get().conf().get(KILL_REQUEST_DIRECTORY));
      try {
        Files.createFile(directory.resolve(KILL_REQUEST + ".claimed"));
      } catch (FileAlreadyExistsException another) {
        return;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        Path request = Files.writeString(directory.resolve(KILL_REQUEST + ".tmp"),
            trialId + " " + ProcessHandle.current().pid() + "\n");
        Files.move(request, directory.resolve(KILL_REQUEST), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(UNKILLED_LIMIT.toMillis());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException cancelled) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("injected fault: trial " + trialId + " was not killed within "
          + UNKILLED_LIMIT);
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
