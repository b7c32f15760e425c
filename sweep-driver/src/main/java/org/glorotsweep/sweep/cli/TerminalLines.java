package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A terminal prompt with JLine's line editing and a history kept across sessions in
 * {@code ~/.glorot-sweep/sql_history}. Ctrl-C drops the line being edited; Ctrl-D ends the input.
 */
final class TerminalLines implements LineSource {
  /** The history file, under the user's home directory. */
  static final Path HISTORY = Path.of(System.getProperty("user.home"), ".glorot-sweep", "sql_history");

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLines(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  /** Opens the process's terminal. */
  static TerminalLines open() throws IOException {
    Files.createDirectories(HISTORY.getParent());
    Terminal terminal = TerminalBuilder.builder().system(true).build();
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("glorot-sweep sql")
        .variable(LineReader.HISTORY_FILE, HISTORY)
        // '!' is SQL (a != b), not a history reference
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    return new TerminalLines(terminal, reader);
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      return "";
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    reader.getHistory().save();
    terminal.close();
  }
}
