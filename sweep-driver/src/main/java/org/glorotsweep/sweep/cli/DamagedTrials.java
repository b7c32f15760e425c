package org.glorotsweep.sweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glorotsweep.sweep.spark.OutputInventory;

/**
 * The part of {@code status} that names each committed trial with a damaged result file (sweep, trial id,
 * table, file and what is wrong), which the next {@code run} of its sweep runs again. Uncommitted trials'
 * files are left out: they are invisible, and the next run withdraws them whatever their state.
 */
final class DamagedTrials {
  private static final StructType COLUMNS = new StructType()
      .add("sweep", DataTypes.StringType)
      .add("trial_id", DataTypes.StringType)
      .add("table", DataTypes.StringType)
      .add("file", DataTypes.StringType)
      .add("damage", DataTypes.StringType);

  private DamagedTrials() {}

  /** Prints the damaged files of committed trials under {@code output}, if there are any. */
  static void print(SparkSession spark, String output, PrintStream out) throws IOException, UsageException {
    OutputInventory inventory =
        OutputInventory.scan(JavaSparkContext.fromSparkContext(spark.sparkContext()), new Path(output), null);
    List<Row> rows = new ArrayList<>();
    for (OutputInventory.TrialFile file : inventory.damaged()) {
      if (inventory.committed(file.sweep()).contains(file.trialId())) {
        rows.add(RowFactory.create(
            file.sweep(), file.trialId(), file.table().directory(), file.path(), file.damage()));
      }
    }
    if (!rows.isEmpty()) {
      out.println("committed trials with a damaged result file (the next run of their sweep runs them again):");
      RowPrinter.printTable(spark.createDataFrame(rows, COLUMNS), out);
    }
  }
}
