package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.TestFaults.AwaitKillAtUpdate200;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.faults.FaultInjector;
import org.glorotsweep.sweep.spark.CheckpointListing;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.ResultViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke sweep on a real, authenticated Spark standalone cluster gives results bitwise identical to the same
 * sweep on local Spark. {@code cluster.sh start --auth} starts a master and a worker (2 cores, 2g), each a JVM of
 * its own on 127.0.0.1, from the project's Spark jars, sharing a generated secret with RPC and I/O encryption on;
 * {@code submit.sh} runs the sweep on it with the cluster's properties file (one core per executor, so two trials
 * at a time) and then on {@code local[2]}, both from a scratch directory with a relative {@code --output}, as a
 * user would. Every table's rows must match to the bit, except the facts of where and when a trial ran. A driver
 * without the secret is refused; the secret is readable by its owner only and appears in no log, output or
 * command line; the daemons listen on loopback only. An executor JVM killed with SIGKILL mid-trial costs the trial
 * only the updates since its checkpoint, and the sweep still ends with the local run's bits. The cluster recipe
 * of {@code scripts/schedule/} reproduces the local run on the cluster, every trial identical. Needs the packaged
 * jars, so it runs in {@code verify}; the cluster is always stopped afterwards. Its ports are free ones chosen at
 * start, so it runs next to other tests.
 */
class StandaloneClusterIT {
  /** The repository, from the module directory Failsafe runs in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration CLUSTER_COMMAND_LIMIT = Duration.ofMinutes(5);
  private static final Duration SWEEP_LIMIT = Duration.ofMinutes(15);
  private static final String APP_NAME = "glorot-sweep";
  /** The file {@code cluster.sh start --auth} writes the cluster's secret to, under its state directory. */
  private static final String AUTH_PROPERTIES = "spark-auth.conf";
  private static final String SECRET_KEY = "spark.authenticate.secret";

  @TempDir static Path temp;
  private static Path clusterState;
  private static String masterUrl;
  private static SparkSession reader;

  @BeforeAll
  static void runTheSmokeSweepOnTheClusterAndLocally() throws Exception {
    clusterState = temp.resolve("cluster-state");
    int masterPort = freePort();
    int uiPort = freePort();
    while (uiPort == masterPort) {
      uiPort = freePort();
    }
    command(CLUSTER_COMMAND_LIMIT, ROOT, "./cluster.sh", "start", "--workers", "1", "--cores", "2",
        "--memory", "2g", "--port", String.valueOf(masterPort), "--ui-port", String.valueOf(uiPort),
        "--dir", clusterState.toString(), "--auth");
    masterUrl = "spark://127.0.0.1:" + masterPort;
    String config = ROOT.resolve("conf/smoke.yaml").toString();
    command(SWEEP_LIMIT, temp, ROOT.resolve("submit.sh").toString(),
        "--properties-file", clusterState.resolve(AUTH_PROPERTIES).toString(),
        "--master", masterUrl, "--conf", "spark.executor.cores=1",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false",
        "run", config, "--output", "cluster");
    command(SWEEP_LIMIT, temp, ROOT.resolve("submit.sh").toString(),
        "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "run", config, "--output", "local");
    reader = SparkSession.builder().master("local[1]").appName("StandaloneClusterIT")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    if (reader != null) {
      reader.close();
    }
    if (clusterState != null) {
      command(CLUSTER_COMMAND_LIMIT, ROOT, "./cluster.sh", "stop", "--dir", clusterState.toString());
    }
  }

  @Test
  void theClusterRanTheSweepOnExecutorsOfItsWorker() throws Exception {
    JsonNode master = new ObjectMapper().readTree(masterJson());
    JsonNode app = null;
    for (JsonNode completed : master.path("completedapps")) {
      if (completed.path("name").asText().equals(APP_NAME)) {
        app = completed;
      }
    }
    assertTrue(app != null, () -> "the master lists no completed " + APP_NAME + " app\n" + clusterLogs());
    assertEquals("FINISHED", app.path("state").asText(), clusterLogs());
    Path appDirectory = clusterState.resolve("work").resolve(app.path("id").asText());
    List<Path> executorLogs;
    try (Stream<Path> executors = Files.list(appDirectory)) {
      executorLogs = executors.map(e -> e.resolve("stderr")).filter(Files::isRegularFile).toList();
    }
    assertFalse(executorLogs.isEmpty(), () -> "no executor ran under " + appDirectory + "\n" + clusterLogs());
    for (Path log : executorLogs) {
      assertTrue(Files.readString(log).contains("CoarseGrainedExecutorBackend"), () -> log + " is no executor's");
    }
  }

  @Test
  void theClusterRecipeReproducesTheLocalSweepIdenticalOnTheCluster() throws Exception {
    Path reproduced = temp.resolve("reproduced");
    try (Stream<Path> files = Files.walk(temp.resolve("local"))) {
      for (Path file : files.toList()) {
        Files.copy(file, reproduced.resolve(temp.resolve("local").relativize(file).toString()));
      }
    }
    // the shipped cluster.env, pointed at this cluster (its port, its secret) and at the copy of the output
    Map<String, String> env = ScheduleRecipes.environmentFile(ScheduleRecipes.FOLDER.resolve("cluster.env"));
    String sparkOptions = env.get("SPARK_OPTIONS").replace("spark://127.0.0.1:7077", masterUrl)
        + " --properties-file " + clusterState.resolve(AUTH_PROPERTIES)
        + " --conf spark.executor.memory=1g --conf spark.ui.enabled=false";
    Finished reproduce = run(SWEEP_LIMIT, temp, "/usr/bin/env", "GLOROT_SWEEP_HOME=" + ROOT,
        "REPRODUCE_OUTPUT=" + reproduced, "SPARK_OPTIONS=" + sparkOptions,
        "REPRODUCE_OPTIONS=" + env.get("REPRODUCE_OPTIONS"),
        "bash", ScheduleRecipes.FOLDER.resolve("reproduce.sh").toString());
    List<String> lines = Files.readAllLines(reproduce.output());
    assertEquals(0, reproduce.exitCode(), reproduce::tail);
    // the summary is the last line of the command's own; Spark may log a shutdown warning after it
    assertEquals(1, lines.stream().filter(line -> line.matches("reproduce smoke \\d{8}T\\d{6}Z-[0-9a-f]{8}: 5 trials,"
        + " 5 identical, 0 within_tolerance, 0 drifted, 0 failed; exit 0")).count(), reproduce::tail);
    ResultViews.register(reader, reproduced.toString());
    assertEquals(List.of(5L, 5L), reader.sql("SELECT count(*), count_if(verdict = 'identical' AND weights_identical"
        + " AND committed_kernel = rerun_kernel AND changed = '') FROM reproductions").collectAsList().stream()
        .map(row -> List.of(row.getLong(0), row.getLong(1))).findFirst().orElseThrow());
    boolean onTheCluster = false;
    for (JsonNode completed : new ObjectMapper().readTree(masterJson()).path("completedapps")) {
      onTheCluster |= completed.path("name").asText().equals(APP_NAME + " reproduce");
    }
    assertTrue(onTheCluster, () -> "the master lists no completed reproduce app\n" + clusterLogs());
  }

  @Test
  void aDriverWithoutTheSecretIsRefused() throws Exception {
    Path output = temp.resolve("refused");
    Finished refused = run(SWEEP_LIMIT, temp, ROOT.resolve("submit.sh").toString(), "--master", masterUrl,
        "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false",
        "run", ROOT.resolve("conf/smoke.yaml").toString(), "--output", output.toString());
    assertNotEquals(0, refused.exitCode(), () -> "a driver without the secret ran on the cluster\n" + refused.tail());
    try (Stream<Path> files = Files.walk(temp)) {
      List<Path> committed = files.filter(f -> f.startsWith(output) && f.toString().endsWith(".parquet")).toList();
      assertTrue(committed.isEmpty(), () -> "the refused driver committed " + committed);
    }
  }

  @Test
  void theSecretIsReadableByItsOwnerOnlyAndAppearsInNoLogOutputOrCommandLine() throws Exception {
    Path properties = clusterState.resolve(AUTH_PROPERTIES);
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(properties));
    String secret = null;
    for (String line : Files.readAllLines(properties)) {
      if (line.startsWith(SECRET_KEY + "=")) {
        secret = line.substring(SECRET_KEY.length() + 1);
      }
    }
    assertTrue(secret != null && secret.length() >= 32, () -> properties + " holds no secret of 32+ characters");
    byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
    List<Path> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(properties)).toList()) {
        if (contains(Files.readAllBytes(file), needle)) {
          leaks.add(file);
        }
      }
    }
    assertTrue(leaks.isEmpty(), () -> "the secret is written in " + leaks);
    for (Path pidFile : daemonPidFiles()) {
      String commandLine = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
          .flatMap(daemon -> daemon.info().commandLine())
          .orElseThrow(() -> new AssertionError("no command line for " + pidFile));
      assertFalse(commandLine.contains(secret), () -> "the secret is on the command line of "
          + pidFile.getFileName());
    }
  }

  @Test
  void theDaemonsListenOnLoopbackOnly() throws Exception {
    assumeTrue(ListeningSockets.available(), "needs Linux's /proc/PID/net/tcp");
    for (Path pidFile : daemonPidFiles()) {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(pidFile + ": no " + pid));
      Set<ListeningSockets.Listener> listeners = ListeningSockets.of(daemon);
      // the RPC endpoint and the web UI
      assertTrue(listeners.size() >= 2, () -> pidFile.getFileName() + " listens on " + listeners);
      assertTrue(listeners.stream().allMatch(l -> l.address().isLoopbackAddress()),
          () -> pidFile.getFileName() + " listens beyond loopback: " + listeners);
    }
  }

  @Test
  void bothRunsCommitEveryPlannedTrialWithStatusOk() throws Exception {
    Set<String> planned = plannedTrials();
    for (String output : List.of("cluster", "local")) {
      ResultViews.register(reader, temp.resolve(output).toString());
      Set<String> committed = new TreeSet<>();
      for (Row row : reader.sql("SELECT trial_id, status FROM trials").collectAsList()) {
        committed.add(row.getString(0));
        assertEquals("ok", row.getString(1), () -> output + ": " + row + "\n" + clusterLogs());
      }
      assertEquals(planned, committed, () -> output + " run's trials\n" + clusterLogs());
    }
  }

  @Test
  void clusterResultsAreBitwiseIdenticalToLocalResults() throws Exception {
    ResultRows.assertBitwiseEqual(
        ResultRows.of(reader, temp.resolve("local").toString(), ResultRows.EXECUTION),
        ResultRows.of(reader, temp.resolve("cluster").toString(), ResultRows.EXECUTION), "local against cluster");
  }

  /**
   * An executor JVM killed mid-trial costs the trial only the updates since its last checkpoint. The smoke sweep
   * runs again on the cluster, checkpointing every 100 updates, with a fault injector that stops the first trial
   * to reach its checkpoint at update 200 (so it saved one at 100 and trained 100 updates past it) and names that
   * trial and its executor's process; the test checks that the process is an executor holding the trial's
   * checkpoint at 100 and kills it with SIGKILL, as a preempted node's would die. Spark retries the lost task on
   * another executor: the sweep completes, the killed trial's row says it resumed from update 100 (the others
   * that they did not resume), every table equals the local run's bit for bit, and no checkpoint is left.
   */
  @Test
  void aTrialWhoseExecutorIsKilledResumesFromItsCheckpointToTheLocalRunsBits() throws Exception {
    Path requests = Files.createDirectory(temp.resolve("kill-requests"));
    Path config = temp.resolve("smoke-checkpointed.yaml");
    Files.writeString(config,
        Files.readString(ROOT.resolve("conf/smoke.yaml")) + "\ncheckpoint_every: {updates: 100}\n");
    Path output = temp.resolve("killed");
    Started sweep = start(temp, ROOT.resolve("submit.sh").toString(),
        "--properties-file", clusterState.resolve(AUTH_PROPERTIES).toString(),
        "--master", masterUrl, "--conf", "spark.executor.cores=1",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false",
        "--jars", faultInjectorJar().toString(),
        "--conf", FaultInjector.CLASS_PROPERTY + "=" + AwaitKillAtUpdate200.class.getName(),
        "--conf", AwaitKillAtUpdate200.KILL_REQUEST_DIRECTORY + "=" + requests,
        "run", config.toString(), "--output", "killed");

    String trialId;
    try {
      trialId = killTheExecutorThatAsks(requests.resolve(AwaitKillAtUpdate200.KILL_REQUEST), sweep, output);
    } catch (Exception | Error failure) {
      // the stopped trial would hold its executor for minutes: end the sweep now
      sweep.process().descendants().forEach(ProcessHandle::destroyForcibly);
      sweep.process().destroyForcibly().waitFor();
      throw failure;
    }
    assertEquals(0, sweep.await(SWEEP_LIMIT), () -> "the sweep after the kill\n" + sweep.tail() + clusterLogs());
    ResultViews.register(reader, output.toString());
    Map<String, Long> resumed = new TreeMap<>();
    for (Row row : reader.sql("SELECT trial_id, resumed_from_update, attempt FROM trials").collectAsList()) {
      resumed.put(row.getString(0), row.isNullAt(1) ? null : row.getLong(1));
      if (row.getString(0).equals(trialId)) {
        assertTrue(row.getInt(2) >= 1, () -> "the killed trial committed by its first attempt: " + row);
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    plannedTrials().forEach(id -> expected.put(id, null));
    expected.put(trialId, 100L);
    assertEquals(expected, resumed, "resumed_from_update by trial");
    ResultRows.assertBitwiseEqual(
        ResultRows.of(reader, temp.resolve("local").toString(), ResultRows.EXECUTION_AND_RESUME),
        ResultRows.of(reader, output.toString(), ResultRows.EXECUTION_AND_RESUME), "local against killed");
    assertEquals(List.of(), CheckpointListing.of(output.toString(), new Configuration()));
    assertEquals(expected.keySet(), SweepRuns.assertOnlyCommittedTrialFiles(output, "smoke"));
  }

  /**
   * Awaits the kill request of {@link AwaitKillAtUpdate200} while {@code sweep} runs, checks that it names an
   * executor's process and a trial whose checkpoint at update 100 is under {@code output}, and kills that process
   * with SIGKILL.
   *
   * @return the trial whose executor was killed
   */
  private static String killTheExecutorThatAsks(Path request, Started sweep, Path output) throws Exception {
    long deadline = System.nanoTime() + SWEEP_LIMIT.toNanos();
    while (!Files.exists(request) && sweep.process().isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(request), () -> "no trial asked for its executor to be killed\n" + sweep.tail()
        + clusterLogs());
    String[] trialAndPid = Files.readString(request).strip().split(" ");
    String trialId = trialAndPid[0];
    ProcessHandle executor = ProcessHandle.of(Long.parseLong(trialAndPid[1]))
        .orElseThrow(() -> new AssertionError("no process " + trialAndPid[1]));
    assertTrue(executor.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"),
        () -> "process " + executor.pid() + " is no executor: " + executor.info());
    List<CheckpointListing.InProgress> saved = CheckpointListing.of(output.toString(), new Configuration());
    assertTrue(saved.stream().anyMatch(c -> c.trialId().equals(trialId) && c.update().equals(OptionalLong.of(100))),
        () -> "trial " + trialId + " has no checkpoint at update 100 when its executor is killed: " + saved);
    assertTrue(executor.destroyForcibly(), () -> "cannot send SIGKILL to " + executor.pid());
    executor.onExit().get(1, TimeUnit.MINUTES);
    return trialId;
  }

  /**
   * A jar of the test fault injectors for the cluster's JVMs (the application jar holds no test classes): the
   * classes of {@link TestFaults} from the directory this test's classes are loaded from.
   */
  private static Path faultInjectorJar() throws Exception {
    Path classes = Path.of(TestFaults.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String directory = TestFaults.class.getPackageName().replace('.', '/');
    Path jar = temp.resolve("test-faults.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        DirectoryStream<Path> files =
            Files.newDirectoryStream(classes.resolve(directory), TestFaults.class.getSimpleName() + "*.class")) {
      for (Path file : files) {
        out.putNextEntry(new JarEntry(directory + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The trial ids of the smoke sweep. */
  private static Set<String> plannedTrials() throws Exception {
    Set<String> planned = new TreeSet<>();
    SweepConfigLoader.load(ROOT.resolve("conf/smoke.yaml"), HadoopDataShapes.of(new Configuration()))
        .trials().forEach(trial -> planned.add(trial.trialId()));
    return planned;
  }

  /** The pid files of the master and the workers. */
  private static List<Path> daemonPidFiles() throws IOException {
    try (Stream<Path> files = Files.list(clusterState)) {
      List<Path> pidFiles = files.filter(f -> f.toString().endsWith(".pid")).sorted().toList();
      assertEquals(2, pidFiles.size(), () -> "pid files of the master and one worker: " + pidFiles);
      return pidFiles;
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** A port on 127.0.0.1 that nothing listens on now. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String masterJson() throws IOException, InterruptedException {
    String ui = Files.readString(clusterState.resolve("ui.url")).strip();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(ui + "/json/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> "master web UI " + ui + "\n" + clusterLogs());
    return response.body();
  }

  /** A command that finished: its exit code and the file holding its output. */
  private record Finished(int exitCode, Path output) {
    String tail() {
      return StandaloneClusterIT.tail(output, 80);
    }
  }

  /** A command started by {@link #start}: its process and the file its output goes to. */
  private record Started(String command, Process process, Path output) {
    /**
     * Waits for the command to end and returns its exit code; fails with its output and the cluster's logs
     * unless it ends within {@code limit}.
     */
    int await(Duration limit) throws InterruptedException {
      if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        fail(command + " did not finish within " + limit + "\n" + tail() + clusterLogs());
      }
      return process.exitValue();
    }

    String tail() {
      return StandaloneClusterIT.tail(output, 80);
    }
  }

  /**
   * Starts {@code command} in {@code directory} with the project's own Spark (no {@code SPARK_HOME}) and the
   * scripts' own choice of addresses (no {@code SPARK_LOCAL_IP}).
   */
  private static Started start(Path directory, String... command) throws IOException {
    Path output = Files.createTempFile(temp, "command", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().remove("SPARK_LOCAL_IP");
    return new Started(String.join(" ", command), builder.start(), output);
  }

  /** {@link #start}s {@code command} and awaits its end within {@code limit}. */
  private static Finished run(Duration limit, Path directory, String... command)
      throws IOException, InterruptedException {
    Started started = start(directory, command);
    return new Finished(started.await(limit), started.output());
  }

  /** {@link #run}, failing unless the command exits with 0. */
  private static void command(Duration limit, Path directory, String... command)
      throws IOException, InterruptedException {
    Finished finished = run(limit, directory, command);
    if (finished.exitCode() != 0) {
      fail(String.join(" ", command) + " exited with " + finished.exitCode() + "\n" + finished.tail()
          + clusterLogs());
    }
  }

  /** The last lines of the master's, the workers' and the executors' logs. */
  private static String clusterLogs() {
    StringBuilder logs = new StringBuilder();
    try (Stream<Path> files = Files.walk(clusterState)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.endsWith("stderr")).sorted()
          .toList()) {
        logs.append(tail(file, 40));
      }
    } catch (IOException e) {
      logs.append("(cluster logs unreadable: ").append(e).append(")\n");
    }
    return logs.toString();
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return "---- " + file + " (last " + lines + " lines)\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    } catch (IOException e) {
      return "---- " + file + ": " + e + "\n";
    }
  }
}
