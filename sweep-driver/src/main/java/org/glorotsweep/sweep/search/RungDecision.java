package org.glorotsweep.sweep.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a race decided after one rung: which learning rates continue. A pure function of the race, the rates
 * that entered the rung and the metrics recorded there, so it is the same on any cluster, partitioning or
 * completion order; it is recorded once and read back, never made again.
 *
 * <p>The rule. Of the n rates that entered rung k, a rate is <em>ranked</em> when every repeat reached u_k
 * (a repeat that diverged, failed or timed out before has no metric there, and its rate stops). A ranked
 * rate's value is the mean of its repeats' metrics, (1/r) sum_i m_i, summed in trial-id order; ranked rates
 * are ordered by value, ties by the smallest trial id of their repeats; the first min(ceil(n / eta), ranked)
 * continue.
 *
 * @param raceId the race
 * @param rung k
 * @param update u_k
 * @param policy the search it was made under ({@link SearchPolicy#toString})
 * @param entering n, the rates that entered the rung
 * @param verdicts one per entering rate, by learning rate
 */
public record RungDecision(
    String raceId, int rung, long update, String policy, int entering, List<Verdict> verdicts) {

  /** Copies the verdicts. */
  public RungDecision {
    verdicts = List.copyOf(verdicts);
  }

  /**
   * One learning rate's verdict.
   *
   * @param learningRate the rate
   * @param trialIds its repeats, sorted
   * @param value its mean metric at the rung; null when it was not ranked
   * @param rank its rank, 1 = best; null when it was not ranked
   * @param promoted whether it continues
   */
  public record Verdict(double learningRate, List<String> trialIds, Double value, Integer rank, boolean promoted) {
    /** Copies the trial ids. */
    public Verdict {
      trialIds = List.copyOf(trialIds);
    }
  }

  /**
   * Decides rung {@code rung} of {@code race}.
   *
   * @param entering the rates that entered the rung. Not modified.
   * @param reached the metric of every trial that reached u_k, by trial id. Not modified.
   */
  public static RungDecision decide(Race race, int rung, List<Arm> entering, Map<String, Double> reached) {
    List<Arm> ranked = entering.stream().filter(a -> reached.keySet().containsAll(a.trialIds()))
        .sorted(Comparator.comparingDouble((Arm a) -> mean(a, reached)).thenComparing(Arm::key)).toList();
    int kept = Math.min(race.policy().survivors(entering.size()), ranked.size());
    Map<String, Integer> rankByKey =
        ranked.stream().collect(Collectors.toMap(Arm::key, a -> ranked.indexOf(a) + 1));
    List<Verdict> verdicts = new ArrayList<>();
    for (Arm arm : entering.stream().sorted(Comparator.comparingDouble(Arm::learningRate)).toList()) {
      Integer rank = rankByKey.get(arm.key());
      verdicts.add(new Verdict(arm.learningRate(), arm.trialIds(), rank == null ? null : mean(arm, reached), rank,
          rank != null && rank <= kept));
    }
    return new RungDecision(race.id(), rung, race.rungs().get(rung), race.policy().toString(), entering.size(),
        verdicts);
  }

  /** (1/r) sum_i m_i over the arm's repeats in trial-id order. */
  private static double mean(Arm arm, Map<String, Double> reached) {
    double sum = 0;
    for (String id : arm.trialIds()) {
      sum += reached.get(id);
    }
    return sum / arm.trialIds().size();
  }

  /** The number of rates that continue. */
  public int kept() {
    return (int) verdicts.stream().filter(Verdict::promoted).count();
  }

  /** The number of rates ranked. */
  public int ranked() {
    return (int) verdicts.stream().filter(v -> v.rank() != null).count();
  }

  /** Why {@code verdict}'s rate stopped, in words, naming the metric and the cut. */
  public String reason(Verdict verdict, RaceMetric metric) {
    String where = String.format(Locale.ROOT, "stopped at rung %d (update %d): ", rung, update);
    if (verdict.rank() == null) {
      return where + "a repeat of learning rate " + verdict.learningRate()
          + " ended (diverged, failed or timed out) before the rung, so the rate could not be ranked";
    }
    return where + String.format(Locale.ROOT,
        "mean %s %s over %d repeat(s) ranked %d of %d; the best %d of the %d learning rates that entered went on",
        metric.configName(), verdict.value(), verdict.trialIds().size(), verdict.rank(), ranked(), kept(),
        entering);
  }

  /** The record's text. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("race=").append(raceId).append("\nrung=").append(rung).append("\nupdate=").append(update)
        .append("\npolicy=").append(policy).append("\nentering=").append(entering).append('\n');
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict v = verdicts.get(i);
      text.append("arm.").append(i).append('=').append(v.learningRate()).append(';')
          .append(RecordText.nullable(v.value())).append(';').append(RecordText.nullable(v.rank())).append(';')
          .append(v.promoted()).append(';').append(String.join(",", v.trialIds())).append('\n');
    }
    return text.toString();
  }

  /**
   * Reads {@link #toText}'s form.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  public static RungDecision parse(String text) {
    Map<String, String> fields = RecordText.fields(text);
    int entering = Integer.parseInt(RecordText.get(fields, "entering"));
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < entering; i++) {
      String[] parts = RecordText.get(fields, "arm." + i).split(";", -1);
      if (parts.length != 5) {
        throw new IllegalArgumentException("arm." + i + " has " + parts.length + " fields, expected 5");
      }
      verdicts.add(new Verdict(Double.parseDouble(parts[0]), Arrays.asList(parts[4].split(",")),
          nullable(parts[1], Double::valueOf), nullable(parts[2], Integer::valueOf), Boolean.parseBoolean(parts[3])));
    }
    return new RungDecision(RecordText.get(fields, "race"), Integer.parseInt(RecordText.get(fields, "rung")),
        Long.parseLong(RecordText.get(fields, "update")), RecordText.get(fields, "policy"), entering, verdicts);
  }

  private static <T> T nullable(String text, Function<String, T> parse) {
    return "null".equals(text) ? null : parse.apply(text);
  }
}
