package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glorotsweep.core.TrialCostProbe;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;
import org.glorotsweep.core.data.DatasetCatalog;
import org.glorotsweep.core.spec.DataSpec;
import org.glorotsweep.core.spec.MonitorSpec;
import org.glorotsweep.core.spec.NetworkSpec;
import org.glorotsweep.core.spec.TrainingSpec;
import org.glorotsweep.core.spec.TrialSpec;
import org.glorotsweep.sweep.grid.SweepEstimate;
import org.glorotsweep.sweep.spark.HadoopFileOpener;
import org.glorotsweep.sweep.spark.TrialsPerJvm;

/**
 * The estimate against the actual, for {@code status}: per sweep, the core-seconds {@code plan}'s cost model
 * gives the committed trials that ran to the end (status ok), next to the wall-clock seconds they took. The
 * model is calibrated the way {@code plan} calibrates it, by a probe of each distinct trial shape on this
 * driver, so the ratio says how far this machine's figures carry to the executors. The estimate counts a cold
 * start on as many executor cores as this session has (its default parallelism), measured with as many trials
 * starting together as this session's executor JVMs start ({@link TrialsPerJvm}), which is right for an
 * output made by a local run on this machine and approximate for one made on a cluster.
 */
final class CostCheck {
  /** The canonical spec JSON of the trials table, as Spark reads it ({@code interval} is an SQL keyword). */
  private static final String SPEC_SCHEMA =
      "network STRUCT<input_size: INT, hidden_widths: ARRAY<INT>, classes: INT, activation: STRING,"
          + " init: STRING, init_gain: DOUBLE>,"
          + " training STRUCT<cost: STRING, batch_size: INT, learning_rate: DOUBLE, updates: BIGINT,"
          + " precision: STRING>,"
          + " data STRUCT<name: STRING, options: MAP<STRING, STRING>>,"
          + " monitor STRUCT<enabled: BOOLEAN, examples: INT, log_points: INT, `interval`: BIGINT,"
          + " jacobian_examples: INT, jacobian_every: INT, evaluation_examples: INT, histogram_bins: INT>,"
          + " seed BIGINT";

  private CostCheck() {}

  /** Prints one line per sweep: ok trials, estimated and measured core-seconds, and their ratio. */
  static void print(SparkSession spark, PrintStream out) throws IOException {
    List<Row> rows =
        spark.sql("SELECT sweep, wall_seconds, from_json(spec_json, '" + SPEC_SCHEMA + "') AS spec FROM trials"
            + " WHERE status = 'ok' ORDER BY sweep, trial_id").collectAsList();
    if (rows.isEmpty()) {
      return;
    }
    Map<String, List<TrialSpec>> specsBySweep = new LinkedHashMap<>();
    Map<String, Double> measuredBySweep = new LinkedHashMap<>();
    List<TrialSpec> all = new ArrayList<>();
    for (Row row : rows) {
      TrialSpec spec = spec(row.getStruct(2));
      specsBySweep.computeIfAbsent(row.getString(0), sweep -> new ArrayList<>()).add(spec);
      measuredBySweep.merge(row.getString(0), row.getDouble(1), Double::sum);
      all.add(spec);
    }
    TrialCostProbe probe =
        new TrialCostProbe(new DatasetCatalog(new HadoopFileOpener(spark.sparkContext().hadoopConfiguration())),
            TrialsPerJvm.of(spark.sparkContext().getConf()));
    SweepEstimate estimate = SweepEstimate.of(all, probe::measure);
    int cores = spark.sparkContext().defaultParallelism();
    out.printf(Locale.ROOT, "estimate against actual (status ok; the estimate timed %d trial shape(s) here in %.1f s,"
            + " and counts a cold start of %.2g s on each of %d cores):%n",
        estimate.shapes(), estimate.measuringSeconds(), estimate.coldStartSeconds(), cores);
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"sweep", "ok_trials", "estimated_core_s", "measured_core_s", "measured/estimated"});
    for (Map.Entry<String, List<TrialSpec>> sweep : specsBySweep.entrySet()) {
      double estimated = estimate.sweepSecondsOf(sweep.getValue(), cores);
      double measured = measuredBySweep.get(sweep.getKey());
      lines.add(new String[] {
        sweep.getKey(), String.valueOf(sweep.getValue().size()), String.format(Locale.ROOT, "%.4g", estimated),
        String.format(Locale.ROOT, "%.4g", measured), String.format(Locale.ROOT, "%.2f", measured / estimated)
      });
    }
    PlanCommand.printAligned(lines, out);
  }

  private static TrialSpec spec(Row spec) {
    Row n = spec.getStruct(0);
    Row t = spec.getStruct(1);
    Row d = spec.getStruct(2);
    Row m = spec.getStruct(3);
    NetworkSpec network =
        new NetworkSpec(n.getInt(0), n.getList(1), n.getInt(2), Activation.fromConfigName(n.getString(3)),
            Initializer.fromConfigName(n.getString(4)), n.getDouble(5));
    TrainingSpec training =
        new TrainingSpec(Cost.fromConfigName(t.getString(0)), t.getInt(1), t.getDouble(2), t.getLong(3),
            Precision.fromConfigName(t.getString(4)));
    DataSpec data = new DataSpec(d.getString(0), new TreeMap<>(d.<String, String>getJavaMap(1)));
    MonitorSpec monitor =
        new MonitorSpec(m.getBoolean(0), m.getInt(1), m.getInt(2), m.getLong(3), m.getInt(4), m.getInt(5),
            m.getInt(6), m.getInt(7));
    return new TrialSpec(network, training, data, monitor, spec.getLong(4));
  }
}
