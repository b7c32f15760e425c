package org.glorotsweep.core.data.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens data files by location, so that the readers stay free of any file system: {@link LocalFileOpener} reads
 * local paths; the Spark driver supplies one over the Hadoop FileSystem API (hdfs://, s3a://, ...). A location is
 * whatever the implementation understands; {@link #resolve} joins a directory and a file name.
 */
public interface FileOpener {

  /**
   * A stream of the file's bytes, which the caller closes.
   *
   * @throws java.io.FileNotFoundException when there is no file at {@code location}; the message names it
   * @throws IOException when the file cannot be read
   */
  InputStream open(String location) throws IOException;

  /** Whether a readable file exists at {@code location}. */
  boolean exists(String location) throws IOException;

  /**
   * The file's length in bytes as stored (compressed, for a gzip file), from the file system's metadata: reads
   * none of its bytes.
   *
   * @throws java.io.FileNotFoundException when there is no file at {@code location}; the message names it
   */
  long length(String location) throws IOException;

  /** The location of file {@code name} in directory {@code directory}: the two joined by one '/'. */
  default String resolve(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }
}
