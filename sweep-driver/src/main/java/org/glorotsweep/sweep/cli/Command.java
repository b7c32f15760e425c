package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.util.List;

/** A subcommand of the application. */
interface Command {

  /** The usage text printed by {@code --help} and after a usage error. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the process exit code: 0 for success
   */
  int run(List<String> args, PrintStream out) throws Exception;
}
