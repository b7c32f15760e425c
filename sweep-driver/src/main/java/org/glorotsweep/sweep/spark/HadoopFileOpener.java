package org.glorotsweep.sweep.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.glorotsweep.core.data.files.DataFileException;
import org.glorotsweep.core.data.files.FileOpener;

/**
 * Opens data files through the Hadoop FileSystem API, so data sets can live on any file system Hadoop
 * knows: plain local paths, {@code file://}, {@code hdfs://}, {@code s3a://} (with hadoop-aws on the
 * classpath), ... A location whose scheme no FileSystem class serves is a {@link DataFileException} saying what
 * to add (see {@link HadoopFileSystems}).
 */
public final class HadoopFileOpener implements FileOpener {
  private final Configuration conf;

  /** An opener using {@code conf} to find file systems and their credentials. */
  public HadoopFileOpener(Configuration conf) {
    this.conf = conf;
  }

  @Override
  public InputStream open(String location) throws IOException {
    Path path = new Path(location);
    FileSystem fs = fileSystem(location, path);
    if (!fs.isFile(path)) {
      throw new FileNotFoundException(location + ": no such file");
    }
    return fs.open(path);
  }

  @Override
  public boolean exists(String location) throws IOException {
    Path path = new Path(location);
    return fileSystem(location, path).isFile(path);
  }

  @Override
  public long length(String location) throws IOException {
    Path path = new Path(location);
    return fileSystem(location, path).getFileStatus(path).getLen();
  }

  private FileSystem fileSystem(String location, Path path) throws IOException {
    try {
      return HadoopFileSystems.of(path, conf);
    } catch (UnsupportedFileSystemException e) {
      throw new DataFileException(location, e.getMessage());
    }
  }
}
