package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.util.VersionInfo;

/**
 * Finds the Hadoop FileSystem of a location. Hadoop's own error for a scheme no class on the classpath serves is
 * a bare {@code ClassNotFoundException} (for {@code s3a://} without hadoop-aws) or "No FileSystem for scheme";
 * this one says what to add, matched to the Hadoop version Spark runs with.
 */
public final class HadoopFileSystems {
  private static final Set<String> OLD_S3_SCHEMES = Set.of("s3", "s3n");

  private HadoopFileSystems() {}

  /**
   * The file system serving {@code path}.
   *
   * @throws UnsupportedFileSystemException when no FileSystem class on the classpath serves its scheme; the
   *     message names the scheme and what to add
   * @throws IOException when the file system cannot be reached
   */
  public static FileSystem of(Path path, Configuration conf) throws IOException {
    String scheme = path.toUri().getScheme();
    try {
      return path.getFileSystem(conf);
    } catch (UnsupportedFileSystemException e) {
      throw new UnsupportedFileSystemException(noFileSystem(scheme, null));
    } catch (RuntimeException e) {
      if (e.getCause() instanceof ClassNotFoundException missing) {
        throw new UnsupportedFileSystemException(noFileSystem(scheme, missing.getMessage()));
      }
      throw e;
    }
  }

  /** What to say when no class serves {@code scheme}; {@code missingClass} is Hadoop's "Class ... not found". */
  private static String noFileSystem(String scheme, String missingClass) {
    String hadoop = VersionInfo.getVersion();
    String awsJars =
        "add hadoop-aws " + hadoop + " (the version of Spark's Hadoop) and the AWS SDK bundle it depends on:"
            + " --packages org.apache.hadoop:hadoop-aws:" + hadoop + " (which fetches both), or --jars with"
            + " hadoop-aws-" + hadoop + ".jar and the software.amazon.awssdk bundle jar whose version"
            + " hadoop-aws " + hadoop + " names";
    if (OLD_S3_SCHEMES.contains(scheme)) {
      return "no Hadoop FileSystem for scheme '" + scheme + "': Hadoop reads S3 as s3a://BUCKET/PATH; write the"
          + " location so, and " + awsJars;
    }
    if (missingClass == null) {
      return "no Hadoop FileSystem for scheme '" + scheme + "': Hadoop knows none (expected a local path, file://,"
          + " hdfs://, s3a://, ...); for another file system add its jar with --jars or --packages and set"
          + " spark.hadoop.fs." + scheme + ".impl";
    }
    String fix =
        scheme.equals("s3a")
            ? awsJars
            : "add the jar that provides it, built for Hadoop " + hadoop + " (Spark's), with --jars or --packages";
    return "no Hadoop FileSystem for scheme '" + scheme + "' on the classpath (" + missingClass + "); " + fix;
  }
}
