package org.glorotsweep.sweep.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's {@code search}: successive halving with reduction factor eta from {@code min_updates}, ranking by
 * a {@link RaceMetric}.
 *
 * <p>Rungs. For a spec of T updates the rung updates are u_k = min_updates x eta^k for every k with u_k &lt; T,
 * then T itself: e.g. min_updates 100, eta 3, T 1000 gives 100, 300, 900, 1000. After rung k (every rung but
 * the last) the race keeps ceil(n_k / eta) of the n_k learning rates that entered it, so n_{k+1} =
 * ceil(n_k / eta); once one rate is left it runs to T without further rungs.
 *
 * @param eta the reduction factor, &ge; 2
 * @param minUpdates u_0, the first rung's updates, &ge; 1
 * @param metric what the rates are ranked by
 */
public record SearchPolicy(int eta, long minUpdates, RaceMetric metric) implements Serializable {

  /** Rejects eta &lt; 2 and min_updates &lt; 1. */
  public SearchPolicy {
    if (eta < 2 || minUpdates < 1 || metric == null) {
      throw new IllegalArgumentException(
          "a search needs eta >= 2, min_updates >= 1 and a metric, got " + eta + ", " + minUpdates + ", " + metric);
    }
  }

  /** The rung updates u_0 &lt; u_1 &lt; ... &lt; T of a spec of {@code updates} updates; just T when T &le; u_0. */
  public List<Long> rungs(long updates) {
    List<Long> rungs = new ArrayList<>();
    for (long u = minUpdates; u < updates; u *= eta) {
      rungs.add(u);
      if (u > updates / eta) {
        break; // u x eta > T: this was the last rung below T (and u x eta cannot overflow)
      }
    }
    rungs.add(updates);
    return List.copyOf(rungs);
  }

  /** n_{k+1} = ceil(n_k / eta): how many of {@code entering} learning rates a rung keeps, at least 1. */
  public int survivors(int entering) {
    return Math.max(1, (entering + eta - 1) / eta);
  }

  /**
   * The share of a race's grid updates the search trains when no trial ends early by itself: with n_k rates
   * in rung k (n_0 = {@code rates}) and u_{-1} = 0, sum_k n_k (u_k - u_{k-1}) / (n_0 T), a rung with one rate
   * left counting as running to T.
   */
  public double expectedShare(int rates, long updates) {
    if (rates == 0 || updates == 0) {
      return 1.0;
    }
    List<Long> rungs = rungs(updates);
    double trained = 0;
    long previous = 0;
    int entering = rates;
    for (long u : rungs) {
      if (entering == 1) {
        trained += updates - previous;
        break;
      }
      trained += (double) entering * (u - previous);
      previous = u;
      entering = survivors(entering);
    }
    return trained / ((double) rates * updates);
  }

  /** The policy as the sweep file writes it, e.g. {@code successive_halving eta=3 min_updates=100 metric=valid_error}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "successive_halving eta=%d min_updates=%d metric=%s", eta, minUpdates,
        metric.configName());
  }
}
