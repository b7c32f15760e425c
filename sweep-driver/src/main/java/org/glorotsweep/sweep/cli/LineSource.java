package org.glorotsweep.sweep.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/** Where the interactive {@code sql} mode reads its lines: a terminal with line editing, or a plain stream. */
interface LineSource extends AutoCloseable {

  /**
   * The next line, without its line break, after showing {@code prompt} where there is someone to see it.
   *
   * @return the line, or null at the end of the input
   */
  String readLine(String prompt) throws IOException;

  @Override
  void close() throws IOException;

  /**
   * The process's standard input: a {@link TerminalLines} prompt with line editing and history when it is a
   * terminal, else its lines as they come, with no prompt (queries piped in or read from a file).
   */
  static LineSource standardInput() throws IOException {
    if (System.console() != null) {
      return TerminalLines.open();
    }
    return lines(System.in);
  }

  /** The lines of {@code in}, read in the platform's charset as a terminal's would be; no prompt. */
  static LineSource lines(InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
    return new LineSource() {
      @Override
      public String readLine(String prompt) throws IOException {
        return reader.readLine();
      }

      @Override
      public void close() {
        // the stream belongs to the caller
      }
    };
  }
}
