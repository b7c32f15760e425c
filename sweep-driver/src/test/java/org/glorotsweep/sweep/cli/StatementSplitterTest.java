package org.glorotsweep.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  private static List<String> split(String... lines) {
    StatementSplitter splitter = new StatementSplitter();
    List<String> statements = new ArrayList<>();
    for (String line : lines) {
      statements.addAll(splitter.add(line));
    }
    statements.addAll(splitter.rest());
    return statements;
  }

  @Test
  void aStatementEndsAtItsSemicolonAfterAnyNumberOfLines() {
    assertEquals(List.of("SELECT a\nFROM trials\nWHERE b > 1"), split("SELECT a", "FROM trials", "WHERE b > 1;"));
  }

  @Test
  void severalStatementsMayShareALine() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1; SELECT 2;"));
  }

  @Test
  void semicolonsInQuotesAndCommentsDoNotEndAStatement() {
    assertEquals(List.of("SELECT ';', \"a;b\", `c;d` -- e; f\nFROM t"),
        split("SELECT ';', \"a;b\", `c;d` -- e; f", "FROM t;"));
    assertEquals(List.of("SELECT /* ; */ 1"), split("SELECT /* ; */ 1;"));
    assertEquals(List.of("SELECT 'it\\'s;' AS x"), split("SELECT 'it\\'s;' AS x;"));
    assertEquals(List.of("SELECT /* a;\n b; */ 2"), split("SELECT /* a;", " b; */ 2;"));
  }

  @Test
  void commentsAndBlanksAloneAreNoStatement() {
    assertEquals(List.of(), split("", "-- a note;", "/* another */ ;", "  ;"));
  }

  @Test
  void anUnfinishedLastStatementIsKeptForTheEndOfInput() {
    StatementSplitter splitter = new StatementSplitter();
    assertTrue(splitter.isEmpty());
    assertEquals(List.of(), splitter.add("SELECT count(*)"));
    assertFalse(splitter.isEmpty());
    assertEquals(List.of(), splitter.add("FROM trials"));
    assertEquals(List.of("SELECT count(*)\nFROM trials"), splitter.rest());
    assertTrue(splitter.isEmpty());
  }
}
