package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.glorotsweep.sweep.results.OutputLayout;
import org.glorotsweep.sweep.results.ParquetRows;
import org.glorotsweep.sweep.results.ResultTable;

/**
 * What the table directories of an output hold, for one sweep or all of them: each trial's result files with
 * what is wrong with the damaged ones (not a whole Parquet file: truncated, overwritten), and Hadoop's
 * {@code .crc} checksum files, which earlier versions left beside each file. The directories are listed on the
 * driver (one listing per table and sweep); the files are checked in parallel by a Spark job, since a large
 * sweep has hundreds of thousands of them.
 */
public final class OutputInventory {
  private static final String RESULT_SUFFIX = ".parquet";
  private static final String CHECKSUM_SUFFIX = ".crc";

  private final List<TrialFile> files;
  private final List<Path> checksumFiles;

  private OutputInventory(List<TrialFile> files, List<Path> checksumFiles) {
    this.files = files;
    this.checksumFiles = checksumFiles;
  }

  /**
   * Lists and checks the result files under {@code output}, of sweep {@code sweep} only, or of every sweep when
   * it is null.
   */
  public static OutputInventory scan(JavaSparkContext jsc, Path output, String sweep) throws IOException {
    Configuration conf = OutputLayout.plainFiles(jsc.hadoopConfiguration());
    FileSystem fs = output.getFileSystem(conf);
    List<TrialFile> listed = new ArrayList<>();
    List<Path> checksums = new ArrayList<>();
    for (ResultTable table : ResultTable.values()) {
      for (Path directory : sweepDirectories(fs, output, table, sweep)) {
        String sweepName = directory.getName().substring(ResultTable.PARTITION_COLUMN.length() + 1);
        for (FileStatus file : fs.listStatus(directory)) {
          String name = file.getPath().getName();
          if (name.endsWith(CHECKSUM_SUFFIX)) {
            checksums.add(file.getPath());
          } else if (file.isFile() && name.endsWith(RESULT_SUFFIX) && !name.startsWith(".")) {
            listed.add(new TrialFile(sweepName, table,
                name.substring(0, name.length() - RESULT_SUFFIX.length()), file.getPath().toString(), null));
          }
        }
      }
    }
    return new OutputInventory(checked(jsc, listed, conf), checksums);
  }

  /** The ids of the trials of {@code sweep} that have a {@code trials} file: the committed ones. */
  public Set<String> committed(String sweep) {
    return trialIds(sweep, file -> file.table() == ResultTable.TRIALS);
  }

  /** The ids of the trials of {@code sweep} that have any file, committed or not. */
  public Set<String> withFiles(String sweep) {
    return trialIds(sweep, file -> true);
  }

  /** The damaged files, by sweep, trial and table. */
  public List<TrialFile> damaged() {
    return files.stream().filter(TrialFile::damaged)
        .sorted(Comparator.comparing(TrialFile::sweep).thenComparing(TrialFile::trialId)
            .thenComparing(TrialFile::table))
        .toList();
  }

  /** Hadoop checksum files found in the table directories. */
  public List<Path> checksumFiles() {
    return checksumFiles;
  }

  private Set<String> trialIds(String sweep, Predicate<TrialFile> which) {
    return files.stream().filter(file -> file.sweep().equals(sweep) && which.test(file))
        .map(TrialFile::trialId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Path> sweepDirectories(FileSystem fs, Path output, ResultTable table, String sweep)
      throws IOException {
    if (sweep != null) {
      Path directory = new OutputLayout(output, sweep).tableDirectory(table);
      return fs.exists(directory) ? List.of(directory) : List.of();
    }
    Path tableRoot = new Path(output, table.directory());
    if (!fs.exists(tableRoot)) {
      return List.of();
    }
    List<Path> directories = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(tableRoot)) {
      if (entry.isDirectory() && entry.getPath().getName().startsWith(ResultTable.PARTITION_COLUMN + "=")) {
        directories.add(entry.getPath());
      }
    }
    return directories;
  }

  /** {@code files} with what is wrong with each, checked by a Spark job. */
  private static List<TrialFile> checked(JavaSparkContext jsc, List<TrialFile> files, Configuration conf) {
    if (files.isEmpty()) {
      return files;
    }
    SerializableConfiguration shipped = new SerializableConfiguration(conf);
    int slices = Math.max(1, Math.min(files.size(), 4 * jsc.defaultParallelism()));
    jsc.setJobDescription("glorot-sweep: check " + files.size() + " result files");
    try {
      return jsc.parallelize(files, slices)
          .map(file -> file.withDamage(ParquetRows.damage(new Path(file.path()), shipped.get()).orElse(null)))
          .collect();
    } finally {
      jsc.setJobDescription(null);
    }
  }

  /**
   * One result file.
   *
   * @param sweep the sweep (partition) it belongs to
   * @param table its table
   * @param trialId its trial
   * @param path its location
   * @param damage what is wrong with it, or null when it is a whole Parquet file (or not checked yet)
   */
  public record TrialFile(String sweep, ResultTable table, String trialId, String path, String damage)
      implements Serializable {
    /** Whether the file is not a whole Parquet file. */
    public boolean damaged() {
      return damage != null;
    }

    TrialFile withDamage(String found) {
      return new TrialFile(sweep, table, trialId, path, found);
    }
  }
}
