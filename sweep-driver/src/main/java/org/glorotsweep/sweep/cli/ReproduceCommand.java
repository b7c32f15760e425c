package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.sweep.reproduce.ReproductionSummary;
import org.glorotsweep.sweep.reproduce.Tolerances;
import org.glorotsweep.sweep.reproduce.TrialChoice;
import org.glorotsweep.sweep.spark.ReproductionDriver;
import org.glorotsweep.sweep.spark.ResultViews;
import org.glorotsweep.sweep.spark.SweepLease;

/**
 * {@code reproduce OUTPUT [--sweep NAME] [--trials all|N|ID...] [--tolerance KEY=VALUE...]}: runs committed
 * trials again and commits a verdict per trial to the {@code reproductions} table (see
 * {@link ReproductionDriver}). Exit codes: 0 every trial identical or within tolerance, 1 some drifted or
 * failed, 2 the command itself failed (bad arguments, no readable sweep output, a failed Spark job), 4 another
 * driver holds the sweep's lease. The last line printed is a one-line summary.
 */
final class ReproduceCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: reproduce OUTPUT [--sweep NAME] [--trials all|N|ID...] [--tolerance KEY=VALUE...] [--spark-log LEVEL]
          Runs committed trials of a sweep under OUTPUT again on this build, JVM and cluster (one Spark task per
          trial), compares each with its committed rows without touching them, and adds one row per trial to
          the reproductions table: identical, within_tolerance, drifted or failed, with the likely cause.
          --sweep NAME          the sweep (needed when OUTPUT holds several)
          --trials all          every trial that ended ok or diverged (the default)
          --trials N            a fixed sample of N of them: those with the smallest SHA-256 of
                                "glorot-sweep reproduce <trial_id>", the same N every time
          --trials ID...        the trials named
          --tolerance KEY=VALUE change a tolerance (repeatable); keys and defaults:
                                error=0.01 (absolute, classification errors), nll=0.01 (relative, costs and
                                NLLs), stats=0.01 (relative, layer statistics), floor=1.0E-6 (below it costs
                                and statistics compare absolutely), histogram=0.01 (fraction of counts moved)
          Exit 0: all identical or within tolerance; 1: some drifted or failed; 2: the command failed.""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed =
        Arguments.parse(args, Set.of("sweep", "spark-log"), Set.of(), Set.of("trials", "tolerance"));
    if (parsed.positional().size() != 1) {
      throw new UsageException("reproduce takes one OUTPUT location (before the options that take lists)");
    }
    String output = parsed.positional().get(0);
    TrialChoice choice;
    Tolerances tolerances;
    try {
      choice = parsed.has("trials") ? TrialChoice.parse(parsed.values("trials")) : TrialChoice.ALL;
      tolerances = Tolerances.parse(parsed.values("tolerance"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try (SparkSession spark = Sessions.spark("glorot-sweep reproduce", parsed.option("spark-log", "WARN"))) {
      SweepOutput.requireTables(spark, output);
      String sweep = sweep(spark, output, parsed.option("sweep", null));
      try {
        ReproductionSummary summary =
            new ReproductionDriver(spark, out, 5000).reproduce(output, sweep, choice, tolerances);
        print(spark, output, summary, out);
        return summary.exitCode();
      } catch (SweepLease.HeldException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      } catch (Exception e) {
        // any other failure is the command's (exit 2), never a verdict's exit 1
        throw new QueryException("reproduce " + sweep + " under " + output + " failed: " + e.getMessage());
      }
    }
  }

  /** The sweep to reproduce: {@code named}, or the only one committed under {@code output}. */
  private static String sweep(SparkSession spark, String output, String named)
      throws IOException, UsageException {
    ResultViews.register(spark, output);
    List<String> sweeps = spark.sql("SELECT DISTINCT sweep FROM trials ORDER BY sweep")
        .as(Encoders.STRING()).collectAsList();
    if (sweeps.isEmpty()) {
      throw new UsageException(output + " holds no committed trial to reproduce");
    }
    String sweep = named != null ? named : sweeps.size() == 1 ? sweeps.get(0) : "";
    if (!sweeps.contains(sweep)) {
      throw new UsageException("--sweep " + (sweep.isEmpty() ? "is needed" : "'" + sweep + "' is not in " + output)
          + "; the sweeps there: " + sweeps);
    }
    return sweep;
  }

  /**
   * The trials not identical, the defects of ours loudly, and the summary line last.
   */
  private static void print(SparkSession spark, String output, ReproductionSummary summary, PrintStream out)
      throws IOException {
    ResultViews.register(spark, output);
    RowPrinter.printTable(spark.sql(String.format("""
        SELECT trial_id, verdict, cause, changed, worst_table, worst_column, worst_update, worst_layer,
          worst_quantity, worst_difference, worst_tolerance, rerun_error
        FROM reproductions WHERE sweep = '%s' AND reproduction_id = '%s' AND verdict != 'identical'
        ORDER BY verdict, trial_id""", summary.sweep(), summary.reproductionId())), out);
    if (summary.ours() > 0) {
      out.printf("DEFECT: %d trials of sweep %s are not identical although their data, code, Java, Spark, kernel"
          + " and environment are unchanged: glorot-sweep is not deterministic, or their committed rows were"
          + " changed after the commit. Trials: %s. Please report it with the reproductions rows of %s.%n",
          summary.ours(), summary.sweep(), String.join(", ", summary.oursTrials()), summary.reproductionId());
    }
    out.println(summary.line());
  }
}
