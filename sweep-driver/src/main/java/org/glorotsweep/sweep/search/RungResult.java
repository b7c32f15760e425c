package org.glorotsweep.sweep.search;

import java.util.Map;

/**
 * What a trial reports when it pauses at a rung: its metric there. Recorded once per trial and rung, as text
 * whose doubles round-trip exactly ({@link Double#toString}).
 *
 * @param trialId the trial
 * @param rung the rung index k
 * @param update u_k
 * @param value the race's metric at u_k
 */
public record RungResult(String trialId, int rung, long update, double value) {

  /** The record's text. */
  public String toText() {
    return "trial=" + trialId + "\nrung=" + rung + "\nupdate=" + update + "\nvalue=" + value + "\n";
  }

  /**
   * Reads {@link #toText}'s form.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  public static RungResult parse(String text) {
    Map<String, String> fields = RecordText.fields(text);
    return new RungResult(RecordText.get(fields, "trial"), Integer.parseInt(RecordText.get(fields, "rung")),
        Long.parseLong(RecordText.get(fields, "update")), Double.parseDouble(RecordText.get(fields, "value")));
  }
}
