package org.glorotsweep.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} on a small real sweep: its table's columns line up whatever the cell widths, and it warns about
 * the group whose trials would spend most of their time measuring (10 updates, every one a measurement point)
 * and not about the one that trains.
 */
class PlanCommandTest {
  private static final String SWEEP =
      """
      sweep: plan-test
      seed: 11
      output: out
      common:
        dataset: shapeset
        data_options: {validation_size: 200, test_size: 200}
        activation: tanh
        init: [standard, normalized]
        learning_rate: 0.01
      groups:
        - name: few-updates-measured-every-update
          depth: 2
          width: 16
          updates: 10
          monitor: {examples: 50, jacobian_examples: 5}
        - name: trains
          hidden_widths: [[3, 3, 3, 3, 3, 3]]
          updates: 20000
          monitor: {enabled: false, evaluation_examples: 20}
      """;

  private static List<String> lines;

  @BeforeAll
  static void plan(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan-test.yaml");
    Files.writeString(file, SWEEP);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      assertEquals(0, new PlanCommand().run(List.of(file.toString()), out));
    }
    lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void everyColumnStartsWhereItsHeaderStarts() {
    assertEquals("sweep plan-test (seed 11) -> out", lines.get(0));
    String header = lines.get(1);
    List<String> table = lines.subList(1, 6);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < header.length(); i++) {
      if (header.charAt(i) != ' ' && (i == 0 || header.charAt(i - 1) == ' ')) {
        starts.add(i);
      }
    }
    assertEquals(11, starts.size(), header);
    for (String line : table) {
      for (int start : starts) {
        assertTrue(line.length() > start && line.charAt(start) != ' ', () -> "no cell at " + start + ":\n" + line);
        assertTrue(start == 0 || line.startsWith("  ", start - 2), () -> "a cell runs into " + start + ":\n" + line);
      }
    }
    assertTrue(lines.get(6).startsWith("4 trials, about "), lines.get(6));
  }

  @Test
  void warnsOnlyAboutTheGroupThatWouldMostlyMeasure() {
    List<String> warnings = lines.stream().filter(line -> line.startsWith("warning: ")).toList();
    assertEquals(1, warnings.size(), () -> String.join("\n", lines));
    String warning = warnings.get(0);
    assertTrue(warning.startsWith("warning: groups[0] (common.init[0]): monitoring would dominate 2 trial(s) of"
        + " group 'few-updates-measured-every-update'"), warning);
    assertTrue(warning.contains("at 11 measurement points (2 with layer Jacobians) for 10 updates"), warning);
  }

  @Test
  void estimatesArePositiveSeconds() {
    int column = lines.get(1).indexOf("est_s");
    for (String row : lines.subList(2, 6)) {
      double seconds = Double.parseDouble(row.substring(column).split(" +")[0]);
      assertTrue(seconds > 0 && seconds < 600, row);
    }
  }
}
