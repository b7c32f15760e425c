package org.glorotsweep.core;

import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.core.train.MeasurementSchedule;

/**
 * What the parts of a trial cost in wall-clock seconds on one core, measured for one network shape by {@link
 * TrialCostProbe}. A trial of T updates with P measurement points, of which J compute layer Jacobians, takes
 *
 * <pre>
 *   seconds = setup + T x update + P x (evaluation + monitor) + J x jacobian
 * </pre>
 *
 * with P and J from its {@link MeasurementSchedule}, monitor = jacobian = 0 when layer statistics are off.
 * A fresh JVM's first trial also pays {@code coldStart}, once per executor core (see {@link
 * TrialCostProbe}): it is not part of {@link #secondsOf}.
 *
 * @param setup initialising the network and the workspaces of training and monitoring, &ge; 0
 * @param update one SGD update of the spec's batch, &ge; 0
 * @param evaluation one learning-curve point: the validation and test error and NLL, &ge; 0
 * @param monitor one point's layer statistics on the monitor set, without Jacobians, &ge; 0
 * @param jacobian the layer Jacobians' singular values at one Jacobian point, &ge; 0
 * @param coldStart what the first trial in a fresh JVM adds: loading the data set and compiling the code, &ge; 0
 */
public record TrialCosts(
    double setup, double update, double evaluation, double monitor, double jacobian, double coldStart) {

  /** Checks that every part is a finite number of seconds &ge; 0. */
  public TrialCosts {
    for (double seconds : new double[] {setup, update, evaluation, monitor, jacobian, coldStart}) {
      if (!(seconds >= 0 && Double.isFinite(seconds))) {
        throw new IllegalArgumentException("a cost in seconds must be finite and >= 0, got " + seconds);
      }
    }
  }

  /** These costs with {@code seconds} as the cold start. */
  public TrialCosts withColdStart(double seconds) {
    return new TrialCosts(setup, update, evaluation, monitor, jacobian, seconds);
  }

  /** The estimated wall-clock seconds of {@code spec}, a trial of the shape these costs were measured for. */
  public double secondsOf(TrialSpec spec) {
    return setup + spec.training().updates() * update + monitoringSecondsOf(spec);
  }

  /** The part of {@link #secondsOf} spent at measurement points: learning curves, layer statistics, Jacobians. */
  public double monitoringSecondsOf(TrialSpec spec) {
    MeasurementSchedule schedule = MeasurementSchedule.of(spec.monitor(), spec.training().updates());
    return schedule.points().length * (evaluation + monitor) + schedule.jacobianPointCount() * jacobian;
  }
}
