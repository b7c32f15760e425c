package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * The interactive mode of {@code sql}: reads statements ending with {@code ;} (over as many lines as they need)
 * and runs each on the one session of a {@link QueryRunner}, printing its wall time to the error stream. A
 * statement that is refused or fails prints its error and the session goes on. The input ends with Ctrl-D, end of file, or a line {@code quit} or
 * {@code exit}; an unfinished last statement is run then.
 */
final class SqlShell {
  private static final String PROMPT = "sql> ";
  private static final String CONTINUATION = "   > ";
  private static final Set<String> QUIT = Set.of("quit", "exit", "quit;", "exit;");

  private final QueryRunner queries;
  private final PrintStream out;
  private final PrintStream err;
  private int failures;

  SqlShell(QueryRunner queries, PrintStream out, PrintStream err) {
    this.queries = queries;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs every statement of {@code lines} in order.
   *
   * @return the exit code: 0 when every statement ran, 2 when any was refused or failed
   */
  int run(LineSource lines) throws IOException {
    StatementSplitter splitter = new StatementSplitter();
    while (true) {
      String line = lines.readLine(splitter.isEmpty() ? PROMPT : CONTINUATION);
      if (line == null || (splitter.isEmpty() && QUIT.contains(line.strip().toLowerCase()))) {
        break;
      }
      runAll(splitter.add(line));
    }
    runAll(splitter.rest());
    return failures == 0 ? 0 : 2;
  }

  private void runAll(List<String> statements) {
    for (String statement : statements) {
      long start = System.nanoTime();
      try {
        queries.run(statement, out);
        out.flush();
        err.printf("(%.2f s)%n", (System.nanoTime() - start) / 1e9);
      } catch (QueryException e) {
        failures++;
        err.println("error: " + e.getMessage());
      } catch (RuntimeException e) {
        // a failure of Spark or of the files, not of the query: reported, and the session goes on
        failures++;
        err.println("error: " + e.getClass().getName() + ": " + QueryErrors.firstLine(e));
      }
    }
  }
}
