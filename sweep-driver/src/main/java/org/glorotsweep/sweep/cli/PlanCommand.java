package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.glorotsweep.core.TrialCostProbe;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.grid.SweepEstimate;
import org.glorotsweep.sweep.search.SearchPlan;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.HadoopFileOpener;
import org.glorotsweep.sweep.spark.OutputLocation;
import org.glorotsweep.sweep.spark.TrialsPerJvm;

/**
 * {@code plan CONFIG}: validates a sweep and lists its trials with their estimated seconds, measured on this
 * machine by a short probe of each distinct trial shape ({@link TrialCostProbe}); runs no sweep.
 */
final class PlanCommand implements Command {
  private static final String[] HEADER = {
    "trial_id", "group", "dataset", "hidden", "act", "init", "lr", "updates", "prec", "est_s", "monitor%"
  };

  @Override
  public String usage() {
    return """
        usage: plan CONFIG
          Validates the sweep file CONFIG, its data files and its output location, and prints its trials in written order with their ids, axes and
          estimated seconds on one core (est_s) and the share of it spent measuring (monitor%), then the
          total in core-hours. The estimate comes from timing a few updates and one measurement point of each
          distinct network shape on this machine through the trainer's own code (a few seconds in all), so
          it is only as good as this machine is like the executors. Warns when measuring would take more than
          half of a trial's time. With a search in a group, also the expected core-hours with the search,
          against the whole grid's. Runs no sweep and writes nothing.""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of(), Set.of());
    if (parsed.positional().size() != 1) {
      throw new UsageException("plan takes exactly one CONFIG file");
    }
    Configuration hadoop = new Configuration();
    SweepConfig sweep =
        SweepConfigLoader.load(Path.of(parsed.positional().get(0)), HadoopDataShapes.of(hadoop));
    OutputLocation.checked(sweep.output(), sweep.source(), "output", hadoop);
    TrialCostProbe probe =
        new TrialCostProbe(new DatasetCatalog(new HadoopFileOpener(hadoop)), TrialsPerJvm.of(new SparkConf()));
    SweepEstimate estimate =
        SweepEstimate.of(sweep.trials().stream().map(PlannedTrial::spec).toList(), probe::measure);
    out.printf("sweep %s (seed %d) -> %s%n", sweep.name(), sweep.seed(), sweep.output());
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    double seconds = 0;
    for (PlannedTrial t : sweep.trials()) {
      double trialSeconds = estimate.secondsOf(t.spec());
      seconds += trialSeconds;
      rows.add(row(t, trialSeconds, estimate.monitoringShareOf(t.spec())));
    }
    printAligned(rows, out);
    out.printf(Locale.ROOT, "%d trials, about %.3g core-hours (%.4g core-seconds; estimated from %d trial shape(s)"
            + " timed on this machine in %.1f s), plus about %.2g s on each executor core for its first trial of"
            + " each shape (loading the data and compiling the code in a fresh JVM)%n",
        sweep.trials().size(), seconds / 3600, seconds, estimate.shapes(), estimate.measuringSeconds(),
        estimate.coldStartSeconds());
    if (!sweep.searches().isEmpty()) {
      SearchPlan plan = SearchPlan.of(sweep.trials(), sweep.searches());
      double searched = plan.expectedSeconds(estimate::secondsOf);
      out.printf(Locale.ROOT, "with the search (%d races in %d group(s)): about %.3g core-hours (%.4g core-seconds),"
              + " %.0f%% of the %.3g core-hours of the whole grid, if no trial ends early by itself%n",
          plan.races().size(), sweep.searches().size(), searched / 3600, searched, 100 * searched / seconds,
          seconds / 3600);
    }
    for (String warning : estimate.monitoringWarnings(sweep.trials())) {
      out.println("warning: " + warning);
    }
    return 0;
  }

  private static String[] row(PlannedTrial t, double seconds, double monitoringShare) {
    return new String[] {
      t.trialId(), t.group(), t.dataset(), t.hiddenWidths().toString(), t.activation().configName(),
      t.init().configName(), String.valueOf(t.learningRate()), String.valueOf(t.updates()),
      t.precision().configName(), String.format(Locale.ROOT, "%.3g", seconds),
      String.format(Locale.ROOT, "%.0f", 100 * monitoringShare)
    };
  }

  /** Prints the rows as columns, each as wide as its widest cell, two spaces apart. */
  static void printAligned(List<String[]> rows, PrintStream out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
      }
      out.println(line);
    }
  }
}
