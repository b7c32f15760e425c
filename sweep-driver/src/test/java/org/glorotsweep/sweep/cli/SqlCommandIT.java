package org.glorotsweep.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sql} and {@code status} commands as a user runs them ({@link Main#run}, each call a Spark session
 * of its own): errors of the query or the command line are one message and exit code 2, exports are complete,
 * a truncated table says so, and a statement that would write is refused before it runs. The output location
 * holds an empty {@code trials} table: the queries read Spark's own {@code range} where they need rows.
 */
class SqlCommandIT {
  @TempDir static Path temp;
  private static String output;

  /** What a command printed, and its exit code. */
  private record Outcome(int code, String out, String err) {}

  @BeforeAll
  static void anOutputWithAnEmptyTrialsTable() throws Exception {
    output = Files.createDirectories(temp.resolve("output/trials")).getParent().toString();
  }

  private static Outcome main(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(List.of(args), outStream, errStream);
    }
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Exit code 2 and one line of error naming {@code expected}, no stack trace. */
  private static void assertOneLineError(Outcome outcome, String expected) {
    assertEquals(2, outcome.code(), outcome::toString);
    assertEquals(1, outcome.err().strip().lines().count(), outcome::err);
    assertTrue(outcome.err().contains(expected), outcome::err);
  }

  @Test
  void aSyntaxErrorIsOneLineAndExitCode2() throws Exception {
    assertOneLineError(main("sql", output, "SELEC count(*) FROM trials"), "[PARSE_SYNTAX_ERROR]");
  }

  @Test
  void anUnknownTableOrColumnIsOneLineAndExitCode2() throws Exception {
    assertOneLineError(main("sql", output, "SELECT * FROM no_such_table"), "[TABLE_OR_VIEW_NOT_FOUND]");
    assertOneLineError(main("sql", output, "SELECT no_such_column FROM trials"), "[UNRESOLVED_COLUMN");
  }

  @Test
  void aLimitBelowOneIsAUsageError() throws Exception {
    Outcome outcome = main("sql", output, "SELECT 1", "--limit", "-1");
    assertEquals(2, outcome.code(), outcome::toString);
    assertTrue(outcome.err().startsWith("--limit -1: expected a whole number of rows, at least 1"), outcome::err);
  }

  @Test
  void sqlAndStatusOnAMissingOutputSayNoSweepOutputIsThere() throws Exception {
    Path missing = temp.resolve("no-such-output");
    for (Outcome outcome : List.of(main("sql", missing.toString(), "SELECT count(*) FROM trials"),
        main("status", missing.toString()))) {
      assertOneLineError(outcome, "no sweep output at file:" + missing + ": the location does not exist");
      assertTrue(outcome.err().contains("trials/, curves/, layer_stats/, histograms/"), outcome::err);
      assertEquals("", outcome.out());
    }
  }

  @Test
  void csvAndJsonExportsHaveEveryRowUnlessLimited() throws Exception {
    Outcome csv = main("sql", output, "SELECT id FROM range(2500)", "--format", "csv");
    assertEquals(0, csv.code(), csv::toString);
    List<String> lines = csv.out().lines().toList();
    assertEquals(2501, lines.size());
    assertEquals("id", lines.get(0));
    assertEquals("2499", lines.get(2500));

    Outcome json = main("sql", output, "SELECT id FROM range(2500)", "--format", "json", "--limit", "10");
    assertEquals(0, json.code(), json::toString);
    assertEquals(10, json.out().lines().count());
    assertEquals("{\"id\":9}", json.out().lines().toList().get(9));
  }

  @Test
  void aTableStopsAtItsLimitAndSaysHowManyRowsItLeftOut() throws Exception {
    Outcome table = main("sql", output, "SELECT id FROM range(2500) ORDER BY id");
    assertEquals(0, table.code(), table::toString);
    List<String> lines = table.out().lines().toList();
    // header, rule, 1000 rows, the note, the count
    assertEquals(1004, lines.size());
    assertEquals("999", lines.get(1001));
    assertEquals("... 1500 more rows; --limit to change", lines.get(1002));
    assertEquals("(2500 rows)", lines.get(1003));
  }

  @Test
  void insertOverwriteDirectoryIsRefusedAndTheDirectoryKeepsItsFiles() throws Exception {
    Path unrelated = Files.createDirectories(temp.resolve("unrelated"));
    Path file = Files.writeString(unrelated.resolve("keep.txt"), "kept");
    Outcome outcome = main("sql", output, "INSERT OVERWRITE DIRECTORY '" + unrelated + "' USING csv SELECT 1");
    assertOneLineError(outcome, "refused: InsertIntoDir");
    assertTrue(Files.exists(file), "the statement ran and replaced " + unrelated);
    assertFalse(outcome.err().contains("\tat "), outcome::err);
  }
}
