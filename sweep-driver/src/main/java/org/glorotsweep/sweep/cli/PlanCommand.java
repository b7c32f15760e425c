package org.glorotsweep.sweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.glorotsweep.sweep.config.SweepConfig;
import org.glorotsweep.sweep.config.SweepConfigLoader;
import org.glorotsweep.sweep.grid.CostModel;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.spark.HadoopDataShapes;
import org.glorotsweep.sweep.spark.OutputLocation;

/** {@code plan CONFIG}: validates a sweep and lists its trials, count and estimated core-hours; runs nothing. */
final class PlanCommand implements Command {

  @Override
  public String usage() {
    return """
        usage: plan CONFIG
          Validates the sweep file CONFIG, its data files and its output location, and prints its trials in
          written order with their ids, axes and estimated core-hours (an estimate from the cost model, not a
          measurement). Runs nothing.""";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Arguments parsed = Arguments.parse(args, Set.of(), Set.of());
    if (parsed.positional().size() != 1) {
      throw new UsageException("plan takes exactly one CONFIG file");
    }
    Configuration hadoop = new Configuration();
    SweepConfig sweep = SweepConfigLoader.load(Path.of(parsed.positional().get(0)), HadoopDataShapes.of(hadoop));
    OutputLocation.checked(sweep.output(), sweep.source(), "output", hadoop);
    out.printf("sweep %s (seed %d) -> %s%n", sweep.name(), sweep.seed(), sweep.output());
    out.printf("%-32s  %-14s  %-10s  %-16s  %-9s  %-10s  %-10s  %-11s  %-8s  %s%n", "trial_id", "group",
        "dataset", "hidden", "act", "init", "lr", "updates", "prec", "core-h");
    for (PlannedTrial t : sweep.trials()) {
      out.printf("%-32s  %-14s  %-10s  %-16s  %-9s  %-10s  %-10s  %-11d  %-8s  %.3g%n", t.trialId(), t.group(),
          t.dataset(), t.hiddenWidths(), t.activation().configName(), t.init().configName(),
          t.learningRate(), t.updates(), t.precision().configName(),
          CostModel.coreHours(t.relativeCost()));
    }
    out.printf("%d trials, about %.3g core-hours (estimate)%n", sweep.trials().size(), sweep.estimatedCoreHours());
    return 0;
  }
}
