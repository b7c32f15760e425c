package org.glorotsweep.sweep.faults;

import java.lang.reflect.InvocationTargetException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * Points at which a test can make a run fail as a crash, a bug or a killed process would. Every method is a
 * no-op by default; an implementation overrides the points it needs and throws (a failed task or driver), or
 * halts the JVM (a killed process). Production code calls {@link #installed()} at each point.
 *
 * <p>Installing one: set the Spark property {@value #CLASS_PROPERTY} to the name of a public class with a public
 * no-argument constructor that implements this interface and is on the classpath of every JVM of the
 * application. Spark copies the property to the executors, so the same class runs on the driver and in every
 * executor, in-process or not.
 */
public interface FaultInjector {
  /** The Spark property naming the implementation; unset in production. */
  String CLASS_PROPERTY = "spark.glorotsweep.faultInjector";

  /** The injector of production runs: does nothing anywhere. */
  FaultInjector NONE = new FaultInjector() {};

  /** On an executor, before trial {@code trialId} of group {@code group} starts training. */
  default void beforeTraining(String trialId, String group) {}

  /**
   * On an executor, while trial {@code trialId} trains, before it saves its checkpoint at update {@code update}
   * (its previous checkpoint is still the latest).
   */
  default void beforeCheckpoint(String trialId, long update) {}

  /** On an executor, after a commit published the trial's first table and before it publishes the others. */
  default void afterFirstPublish(String trialId) {}

  /** On the driver, each time it reports progress, with the number of trials this run has committed so far. */
  default void onProgress(int committed) {}

  /**
   * On the driver, after it recorded race {@code raceId}'s decision of rung {@code rung} and before it runs the
   * legs that follow from it.
   */
  default void afterRungDecision(String raceId, int rung) {}

  /**
   * The injector this JVM's Spark configuration names, or {@link #NONE} when it names none or no Spark
   * environment runs here. Resolved once per JVM and class name.
   *
   * @throws IllegalStateException when the named class cannot be loaded or instantiated
   */
  static FaultInjector installed() {
    SparkEnv env = SparkEnv.get();
    return env == null ? NONE : Installed.of(env.conf());
  }

  /** The per-JVM cache behind {@link #installed()}. */
  final class Installed {
    private static volatile FaultInjector current = NONE;
    private static volatile String currentClass;

    private Installed() {}

    static FaultInjector of(SparkConf conf) {
      String name = conf.get(CLASS_PROPERTY, null);
      if (name == null) {
        return NONE;
      }
      synchronized (Installed.class) {
        if (!name.equals(currentClass)) {
          current = instantiate(name);
          currentClass = name;
        }
        return current;
      }
    }

    private static FaultInjector instantiate(String name) {
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return Class.forName(name, true, loader == null ? FaultInjector.class.getClassLoader() : loader)
            .asSubclass(FaultInjector.class).getConstructor().newInstance();
      } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
          | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Spark property " + CLASS_PROPERTY + " = " + name
            + ": expected a public FaultInjector class with a public no-argument constructor on the classpath",
            e);
      }
    }
  }
}
