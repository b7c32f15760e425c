package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.glorotsweep.sweep.config.ConfigError;
import org.glorotsweep.sweep.config.ConfigException;

/**
 * Checks, before any trial runs, that results can be written at a sweep's output location, so that an unusable
 * one is refused with its key and the reason instead of failing after the first trial has trained: a FileSystem
 * serves its scheme (see {@link HadoopFileSystems}), no part of it is a file, and a file can be created where its
 * tables will go: in the location itself, or, while it does not exist yet, in its nearest existing ancestor, where
 * its directories will be made. That probe is a small file, removed at once; nothing else is written, so
 * {@code plan} may check too.
 *
 * <p>The probe asks the file system rather than reading permission bits, so it answers for the user the driver
 * runs as: root, for one, may write into a directory whose bits say read-only, and the check lets it.
 */
public final class OutputLocation {
  private static final String PROBE_PREFIX = ".glorot-sweep-write-probe-";

  private OutputLocation() {}

  /**
   * {@code output}, checked and qualified (absolute, with its scheme), so that executors, which run in
   * directories of their own, write where the driver reads.
   *
   * @param source where the location was given, for the message: the sweep file, or {@code command line}
   * @param keyPath the key that gave it: {@code output}, or {@code --output}
   * @throws ConfigException naming {@code source}, {@code keyPath}, the location and why it cannot be used
   */
  public static String checked(String output, String source, String keyPath, Configuration conf)
      throws ConfigException {
    try {
      return probe(output, conf);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          source,
          List.of(new ConfigError(keyPath, "'" + output + "' cannot hold the results: " + e.getMessage())));
    }
  }

  private static String probe(String output, Configuration conf) throws IOException {
    Path path = new Path(output);
    FileSystem fs = HadoopFileSystems.of(path, conf);
    Path location = fs.makeQualified(path);
    Path existing = location;
    while (existing.getParent() != null && !fs.exists(existing)) {
      existing = existing.getParent();
    }
    if (!fs.getFileStatus(existing).isDirectory()) {
      throw new IOException(
          existing.equals(location)
              ? location + " is a file; expected a directory, or a path where one can be made"
              : existing + " is a file, so no directory can be made under it; expected a directory there");
    }
    Path probe = new Path(existing, PROBE_PREFIX + UUID.randomUUID());
    try {
      fs.create(probe, false).close();
    } catch (IOException e) {
      throw new IOException("cannot create a file in " + existing + " (" + e.getMessage() + ")", e);
    }
    if (!fs.delete(probe, false)) {
      throw new IOException("created the probe file " + probe + " but cannot remove it; remove it by hand");
    }
    return location.toString();
  }
}
