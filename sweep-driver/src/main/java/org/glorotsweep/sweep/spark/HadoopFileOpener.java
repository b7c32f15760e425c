package org.glorotsweep.sweep.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.glorotsweep.core.data.files.FileOpener;

/**
 * Opens data files through the Hadoop FileSystem API, so data sets can live on any file system Hadoop
 * knows: plain local paths, {@code file://}, {@code hdfs://}, {@code s3a://}, ...
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
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.isFile(path)) {
      throw new FileNotFoundException(location + ": no such file");
    }
    return fs.open(path);
  }

  @Override
  public boolean exists(String location) throws IOException {
    Path path = new Path(location);
    return path.getFileSystem(conf).isFile(path);
  }
}
