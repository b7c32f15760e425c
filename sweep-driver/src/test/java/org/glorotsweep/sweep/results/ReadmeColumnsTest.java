package org.glorotsweep.sweep.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README documents every column of every table, as declared in {@link ResultTable} and {@link HistoryTable}. On failure
 * the message holds the section to paste into the README.
 */
class ReadmeColumnsTest {

  @Test
  void readmeDocumentsEveryColumn() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String expected = columnReference();
    assertTrue(readme.contains(expected), () -> "README.md lacks the column reference:\n" + expected);
  }

  /** One markdown table per result table: column, Spark SQL type, description. */
  static String columnReference() {
    StringBuilder md = new StringBuilder();
    List<TableSchema> tables = new ArrayList<>(List.of(ResultTable.values()));
    tables.addAll(List.of(HistoryTable.values()));
    for (TableSchema table : tables) {
      md.append("### `").append(table.directory()).append("`\n\n")
          .append("| column | type | meaning |\n|---|---|---|\n");
      for (Column c : table.columns()) {
        md.append("| `").append(c.name()).append("` | ").append(c.type().sparkType().simpleString())
            .append(c.nullable() ? ", nullable" : "").append(" | ").append(c.description()).append(" |\n");
      }
      md.append('\n');
    }
    return md.toString().stripTrailing();
  }
}
