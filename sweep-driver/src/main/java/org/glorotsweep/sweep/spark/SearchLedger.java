package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.search.Race;
import org.glorotsweep.sweep.search.RungDecision;
import org.glorotsweep.sweep.search.RungResult;

/**
 * A sweep's search records on the output's file system, under {@code OUTPUT/_search/sweep=S/}:
 *
 * <pre>
 * rungs/&lt;k&gt;/&lt;trial_id&gt;          a trial's metric at rung k, written by its task when it pauses there
 * decisions/&lt;race_id&gt;/&lt;k&gt;     a race's decision of rung k, written by the driver
 * </pre>
 *
 * <p>Each record is written once: to a hidden temporary file beside it, then renamed to its name unless a
 * record is already there, which is kept (a retried task reports the same bits; the driver, holding the lease,
 * is the only writer of decisions). A reader sees a whole record or none. A driver restart reads the records
 * back and replays each race ({@link org.glorotsweep.sweep.search.RaceState#replay}): decisions already taken
 * are read, never made again. The records stay after the sweep as its race's history; {@code --rerun} clears
 * them with everything else.
 */
final class SearchLedger {
  private final OutputLayout layout;
  private final FileSystem fs;

  SearchLedger(OutputLayout layout, Configuration conf) throws IOException {
    this.layout = layout;
    this.fs = layout.fileSystem(conf);
  }

  /** Records {@code result}, keeping a record already there. */
  void record(RungResult result) throws IOException {
    writeOnce(rungFile(result.rung(), result.trialId()), result.toText());
  }

  /** Records {@code decision} unless one is already there; returns the decision that stands. */
  RungDecision record(RungDecision decision) throws IOException {
    Path file = decisionFile(decision.raceId(), decision.rung());
    writeOnce(file, decision.toText());
    return RungDecision.parse(read(file).orElseThrow());
  }

  /** The race's recorded decisions of rungs 0, 1, ... up to the first missing one. */
  List<RungDecision> decisions(Race race) throws IOException {
    List<RungDecision> decisions = new ArrayList<>();
    for (int k = 0; ; k++) {
      Optional<String> text = read(decisionFile(race.id(), k));
      if (text.isEmpty()) {
        return decisions;
      }
      decisions.add(RungDecision.parse(text.get()));
    }
  }

  /** The recorded metrics at rung {@code rung} of those of {@code trialIds} that paused there, by trial id. */
  Map<String, Double> reached(int rung, List<String> trialIds) throws IOException {
    Map<String, Double> reached = new HashMap<>();
    for (String id : trialIds) {
      Optional<String> text = read(rungFile(rung, id));
      if (text.isPresent()) {
        reached.put(id, RungResult.parse(text.get()).value());
      }
    }
    return reached;
  }

  /** Deletes every record of the sweep: a {@code --rerun} races afresh. */
  void clear() throws IOException {
    fs.delete(layout.searchDirectory(), true);
  }

  private Path rungFile(int rung, String trialId) {
    return new Path(new Path(new Path(layout.searchDirectory(), "rungs"), Integer.toString(rung)), trialId);
  }

  private Path decisionFile(String raceId, int rung) {
    return new Path(new Path(new Path(layout.searchDirectory(), "decisions"), raceId), Integer.toString(rung));
  }

  private void writeOnce(Path file, String text) throws IOException {
    if (fs.exists(file)) {
      return;
    }
    fs.mkdirs(file.getParent());
    Path temporary = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = fs.create(temporary, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    if (!fs.rename(temporary, file)) {
      fs.delete(temporary, false);
      if (!fs.exists(file)) {
        throw new IOException("cannot record " + file);
      }
    }
  }

  private Optional<String> read(Path file) throws IOException {
    if (!fs.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(file)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
