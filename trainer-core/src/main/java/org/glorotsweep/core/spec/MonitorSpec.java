package org.glorotsweep.core.spec;

import java.io.Serializable;

/**
 * What a trial measures while it trains (paper section 3 and 4; paper-spec section 3) and when. Monitoring
 * reads the network on a fixed monitor set and never changes the training state or its random streams.
 *
 * <p>Measurement points: before the first update, {@code logPoints} log-spaced updates within the first 1%
 * of training, every {@code interval} updates (0 means total/50), and after the last update; at most 64 in all
 * (see {@code MeasurementSchedule}), and only the initialisation when a trial has 0 updates.
 *
 * @param enabled whether layer statistics are recorded at all (learning curves always are)
 * @param monitorExamples size of the fixed monitor set drawn from the test set (the paper's 300), &ge; 1
 * @param logPoints number of log-spaced points within the first 1% of updates, &ge; 0
 * @param interval updates between regular points; 0 means updates / 50
 * @param jacobianExamples monitor examples whose layer Jacobians are decomposed, &ge; 0 (0 disables)
 * @param jacobianEvery the Jacobian is computed at initialisation and at every this-many-th regular point, &ge; 1
 * @param evaluationExamples validation and test examples used for learning curves; 0 means the whole sets
 * @param histogramBins bins of every histogram, &ge; 1
 */
public record MonitorSpec(
    boolean enabled,
    int monitorExamples,
    int logPoints,
    long interval,
    int jacobianExamples,
    int jacobianEvery,
    int evaluationExamples,
    int histogramBins) implements Serializable {

  /** The defaults: the paper's 300 monitor examples, Jacobians on 10 of them, 50 bins. */
  public static final MonitorSpec DEFAULT = new MonitorSpec(true, 300, 10, 0, 10, 10, 0, 50);

  /** Learning curves only: no per-layer statistics. */
  public static final MonitorSpec CURVES_ONLY = new MonitorSpec(false, 300, 10, 0, 0, 10, 0, 50);

  /** Validates every field; the error names the field, the value and what is allowed. */
  public MonitorSpec {
    SpecCheck.atLeast("monitor.examples", monitorExamples, 1);
    SpecCheck.atLeast("monitor.log_points", logPoints, 0);
    SpecCheck.atLeast("monitor.interval", interval, 0L);
    SpecCheck.atLeast("monitor.jacobian_examples", jacobianExamples, 0);
    SpecCheck.atLeast("monitor.jacobian_every", jacobianEvery, 1);
    SpecCheck.atLeast("monitor.evaluation_examples", evaluationExamples, 0);
    SpecCheck.atLeast("monitor.histogram_bins", histogramBins, 1);
  }
}
