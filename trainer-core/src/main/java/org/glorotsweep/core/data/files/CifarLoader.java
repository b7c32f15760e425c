package org.glorotsweep.core.data.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.glorotsweep.core.data.DataOptions;
import org.glorotsweep.core.data.Dataset;
import org.glorotsweep.core.data.DatasetLoader;
import org.glorotsweep.core.data.DatasetShape;
import org.glorotsweep.core.data.FixedSplitDataset;
import org.glorotsweep.core.hash.Fingerprints;
import org.glorotsweep.core.spec.DataSpec;

/**
 * The catalogue entry {@code cifar10}: the binary version of CIFAR-10 (data_batch_1.bin .. data_batch_5.bin and
 * test_batch.bin, each raw or gzipped, as {@link CifarBatch} describes), 3072 inputs in [0, 1], 10 classes.
 * The paper's split (paper-spec section 2): the five training batches concatenated in order, the first 40,000
 * records for training and the last 10,000 (data_batch_5.bin) for validation; test_batch.bin for test.
 *
 * <p>Options: {@code path} (required), the directory holding the six files; {@code validation_size}, the
 * records taken from the end of the training batches (default 10,000).
 */
public final class CifarLoader implements DatasetLoader {
  /** Every option name the data set accepts. */
  public static final List<String> OPTIONS = List.of("path", "validation_size");

  private static final List<String> TRAINING_FILES =
      List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
  private static final String TEST_FILE = "test_batch.bin";

  private final FileOpener files;

  /** @param files opens the batch files */
  public CifarLoader(FileOpener files) {
    this.files = files;
  }

  /**
   * Checks what is cheap before any trial runs, reading no records: the options, that each of the six files is a
   * whole number of records long, and that the training batches hold more than {@code validation_size} records.
   * A problem is attributed to option {@code path} (or to {@code validation_size} for the split). The labels,
   * interleaved with the pixels, are checked when a trial loads the data.
   */
  @Override
  public DatasetShape shape(DataSpec spec) throws IOException {
    DataOptions options = DataOptions.check(spec, OPTIONS);
    String directory = directory(options);
    int validationSize = HeldOutSplit.validationSize(options);
    try {
      int total = 0;
      for (String name : TRAINING_FILES) {
        total += CifarBatch.countRecords(files, files.resolve(directory, name));
      }
      CifarBatch.countRecords(files, files.resolve(directory, TEST_FILE));
      HeldOutSplit.of(total, validationSize, files.resolve(directory, TRAINING_FILES.get(0)));
    } catch (DataFileException e) {
      throw e.withOption("path");
    }
    return new DatasetShape(CifarBatch.INPUTS, CifarBatch.CLASSES);
  }

  @Override
  public Dataset load(DataSpec spec) throws IOException {
    DataOptions options = DataOptions.check(spec, OPTIONS);
    String directory = directory(options);
    int validationSize = HeldOutSplit.validationSize(options);
    List<CifarBatch> official = new ArrayList<>();
    for (String name : TRAINING_FILES) {
      official.add(CifarBatch.read(files, files.resolve(directory, name)));
    }
    CifarBatch testBatch = CifarBatch.read(files, files.resolve(directory, TEST_FILE));
    int total = official.stream().mapToInt(CifarBatch::count).sum();
    HeldOutSplit split = HeldOutSplit.of(total, validationSize, official.get(0).location());
    String fingerprint =
        Fingerprints.ofText(
            "cifar-10 binary, 3072 inputs g/255, 10 classes; " + split.describe() + "; training batches sha256="
                + official.stream().map(CifarBatch::sha256).collect(Collectors.joining(","))
                + "; test batch sha256=" + testBatch.sha256());
    return new FixedSplitDataset(
        spec.name(),
        fingerprint,
        CifarBatch.slice(official, 0, split.trainingCount()),
        CifarBatch.slice(official, split.trainingCount(), total),
        CifarBatch.slice(List.of(testBatch), 0, testBatch.count()));
  }

  private static String directory(DataOptions options) {
    return options.required("path", "the directory holding data_batch_1.bin .. data_batch_5.bin and test_batch.bin");
  }
}
