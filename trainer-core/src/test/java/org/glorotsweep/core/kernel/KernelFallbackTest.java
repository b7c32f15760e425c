package org.glorotsweep.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.testing.Specs;
import org.junit.jupiter.api.Test;

/**
 * The run-time choice of kernels: a JVM started without {@code --add-modules jdk.incubator.vector}, or whose
 * preferred vector is narrower than 128 bits, trains with EJML, says why once on standard error and records
 * "ejml" in the provenance; one started with it (this test JVM) records the vector kernel named after the
 * vector size it runs on. Surefire runs this class also with the vector size capped at 256 and 128 bits.
 */
class KernelFallbackTest {

  @Test
  void thisJvmRecordsTheVectorKernelOfItsPreferredVectorSize() throws Exception {
    assertEquals("vector" + FloatVector.SPECIES_PREFERRED.vectorBitSize(), trialKernel());
  }

  @Test
  void aJvmWithoutTheModuleFallsBackToEjmlWithOneWarning() throws Exception {
    assertFallsBackToEjml("is absent");
  }

  @Test
  void aJvmWhoseVectorsAreNarrowerThan128BitsFallsBackToEjmlWithOneWarning() throws Exception {
    assertFallsBackToEjml(
        "preferred vector is 64 bits", "--add-modules=" + KernelChoice.VECTOR_MODULE, "-XX:MaxVectorSize=8");
  }

  /** Runs {@link Probe} in a JVM started with {@code jvmFlags}: EJML in both precisions, one warning. */
  private static void assertFallsBackToEjml(String reason, String... jvmFlags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmFlags));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String stdout = read(process.getInputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
    String errors = stderr.get();
    assertEquals(0, process.exitValue(), errors);
    assertEquals("ejml ejml", stdout.strip());
    assertEquals(1, errors.lines().filter(line -> line.contains("falls back to the slower EJML")).count(), errors);
    assertTrue(errors.contains(reason), errors);
  }

  private static String trialKernel() throws IOException {
    return Probe.trialKernel();
  }

  private static String read(InputStream in) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Run in a JVM of its own: prints the provenance kernel of a float32 trial, then of a float64 one. */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws IOException {
      System.out.println(trialKernel() + " " + KernelChoice.float64().matMul().name());
    }

    static String trialKernel() throws IOException {
      FixedSplitDataset clusters = SeparableClusters.create(8, 3, 50, 1);
      TrialResult result =
          new TrialRunner(spec -> clusters)
              .run(Specs.clusters(1, 8, 0.05, 5, Precision.FLOAT32, 1));
      return result.provenance().kernel();
    }
  }
}
