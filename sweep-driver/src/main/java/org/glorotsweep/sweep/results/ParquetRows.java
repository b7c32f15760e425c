package org.glorotsweep.sweep.results;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * Writes a whole Parquet file of one result table's rows in one call, and checks that such a file is whole, on
 * any Hadoop file system.
 */
public final class ParquetRows {
  private ParquetRows() {}

  /**
   * Writes {@code rows} to a new file at {@code path}, failing if it exists.
   *
   * @param rows values in {@link ResultTable#columns()} order. Not modified.
   */
  public static void write(TableSchema table, List<Object[]> rows, Path path, Configuration conf)
      throws IOException {
    try (ParquetWriter<Object[]> writer =
        new Builder(HadoopOutputFile.fromPath(path, conf), table)
            .withConf(conf)
            .withWriteMode(ParquetFileWriter.Mode.CREATE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
  }

  /**
   * What is wrong with the Parquet file at {@code path}, or empty when it is whole: both magic numbers in
   * place and a footer that decodes (a truncated or overwritten file has neither). A file that no longer exists
   * is not damaged.
   */
  public static Optional<String> damage(Path path, Configuration conf) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      reader.getFooter();
      return Optional.empty();
    } catch (FileNotFoundException gone) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final TableSchema table;

    Builder(HadoopOutputFile file, TableSchema table) {
      super(file);
      this.table = table;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(table);
    }
  }
}
