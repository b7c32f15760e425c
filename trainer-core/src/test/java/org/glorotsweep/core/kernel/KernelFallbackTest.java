package org.glorotsweep.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glorotsweep.core.TrialRunner;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.result.TrialResult;
import org.glorotsweep.core.testing.SeparableClusters;
import org.glorotsweep.core.testing.Specs;
import org.junit.jupiter.api.Test;

/**
 * The run-time choice of kernels: a JVM started without {@code --add-modules jdk.incubator.vector} trains
 * with EJML, says so once on standard error and records "ejml" in the provenance; one started with it (this
 * test JVM) records the vector kernel.
 */
class KernelFallbackTest {

  @Test
  void thisJvmTrainsOnTheVectorKernel() throws Exception {
    assertEquals(KernelChoice.float32().matMul().name(), trialKernel());
    assertTrue(trialKernel().startsWith("vector"), trialKernel());
  }

  @Test
  void aJvmWithoutTheModuleFallsBackToEjmlWithOneWarning() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
            .start();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String stdout = read(process.getInputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
    String errors = stderr.get();
    assertEquals(0, process.exitValue(), errors);
    assertEquals("ejml ejml", stdout.strip());
    assertEquals(1, errors.lines().filter(line -> line.contains("falls back to the slower EJML")).count(), errors);
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
