package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glorotsweep.sweep.config.ConfigException;
import org.glorotsweep.sweep.spark.SweepLease;

/**
 * The application's entry point, run through {@code spark-submit} (see {@code submit.sh}):
 * {@code plan CONFIG}, {@code run CONFIG}, {@code status OUTPUT}, {@code sql OUTPUT [QUERY]},
 * {@code report OUTPUT}, {@code reproduce OUTPUT}; {@code --help} on each. Exit codes: 0 success, 1 (reproduce)
 * some trials drifted or failed, 2 bad command line, config or query (or no sweep output where one is read), 3 a
 * sweep with failed trials, 4 the sweep is being run by another driver on the same output.
 */
public final class Main {
  private static final Map<String, Command> COMMANDS = Map.of(
      "plan", new PlanCommand(),
      "run", new RunCommand(),
      "status", new StatusCommand(),
      "sql", new SqlCommand(),
      "report", new ReportCommand(),
      "reproduce", new ReproduceCommand());

  private static final String USAGE =
      "usage: submit.sh [spark-submit options] plan|run|status|sql|report|reproduce ARGS... (--help on each)";

  private Main() {}

  /** Runs a subcommand and exits with its code. */
  public static void main(String[] args) throws Exception {
    int code = run(Arrays.asList(args), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a subcommand, printing results to {@code out} and errors to {@code err}; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.isEmpty() || args.get(0).equals("--help")) {
      (args.isEmpty() ? err : out).println(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    Command command = COMMANDS.get(args.get(0));
    if (command == null) {
      err.println("unknown command '" + args.get(0) + "'; allowed: plan, run, status, sql, report, reproduce");
      err.println(USAGE);
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help")) {
      out.println(command.usage());
      return 0;
    }
    try {
      return command.run(rest, out);
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println(command.usage());
      return 2;
    } catch (ConfigException | QueryException e) {
      err.println(e.getMessage());
      return 2;
    } catch (SweepLease.HeldException e) {
      err.println(e.getMessage());
      return 4;
    }
  }
}
