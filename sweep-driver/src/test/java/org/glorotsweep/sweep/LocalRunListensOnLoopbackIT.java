package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.glorotsweep.sweep.ListeningSockets.Listener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run through {@code submit.sh}, as a user starts it (no {@code SPARK_HOME}, no {@code SPARK_LOCAL_IP},
 * Spark's UI on), listens on the loopback interface only: the driver's RPC endpoint, its block manager and the
 * UI. The smoke sweep runs while the test samples the sockets its JVM listens on.
 */
class LocalRunListensOnLoopbackIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration SWEEP_LIMIT = Duration.ofMinutes(15);
  private static final Duration SAMPLING_PERIOD = Duration.ofMillis(100);
  /** The driver's RPC endpoint, its block manager's transfer service and the UI. */
  private static final int SPARK_LISTENERS = 3;

  @TempDir Path temp;

  @Test
  void theSmokeSweepListensOnLoopbackOnly() throws Exception {
    assumeTrue(ListeningSockets.available(), "needs Linux's /proc/PID/net/tcp");
    Path log = temp.resolve("submit.out");
    ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("submit.sh").toString(), "run",
        ROOT.resolve("conf/smoke.yaml").toString(), "--output", "out")
        .directory(temp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().remove("SPARK_LOCAL_IP");
    builder.environment().remove("SPARK_LOCAL_HOSTNAME");
    Process submit = builder.start();
    Set<Listener> seen = new TreeSet<>();
    long deadline = System.nanoTime() + SWEEP_LIMIT.toNanos();
    while (!submit.waitFor(SAMPLING_PERIOD.toMillis(), TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
      seen.addAll(ListeningSockets.of(submit.toHandle()));
    }
    if (submit.isAlive()) {
      submit.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, submit.exitValue(), () -> "submit.sh run exited with " + submit.exitValue() + "\n" + output);
    assertTrue(seen.size() >= SPARK_LISTENERS,
        () -> "the run listened on " + seen + ", expected the driver, its block manager and the UI\n" + output);
    List<Listener> exposed = seen.stream().filter(l -> !l.address().isLoopbackAddress()).toList();
    assertTrue(exposed.isEmpty(), () -> "listening beyond loopback: " + exposed + " (all: " + seen + ")");
  }
}
