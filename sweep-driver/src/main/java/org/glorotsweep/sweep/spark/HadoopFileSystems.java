package org.glorotsweep.sweep.spark;

import java.io.IOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.util.VersionInfo;

/**
 * Finds the Hadoop FileSystem of a location. Hadoop's own errors for a scheme the classpath does not serve are a
 * bare {@code ClassNotFoundException} ({@code s3a://} without hadoop-aws), a {@code NoClassDefFoundError}
 * (hadoop-aws without the AWS SDK) or "No FileSystem for scheme"; these say what to add, matched to the Hadoop
 * version Spark runs with.
 */
public final class HadoopFileSystems {
  private static final Set<String> OLD_S3_SCHEMES = Set.of("s3", "s3n");

  private HadoopFileSystems() {}

  /**
   * The file system serving {@code path}.
   *
   * @throws UnsupportedFileSystemException when the classpath lacks the FileSystem class of its scheme, or a
   *     class that one needs; the message names the scheme and what to add
   * @throws IOException when the file system cannot be reached
   */
  public static FileSystem of(Path path, Configuration conf) throws IOException {
    String scheme = path.toUri().getScheme();
    try {
      return path.getFileSystem(conf);
    } catch (UnsupportedFileSystemException e) {
      throw new UnsupportedFileSystemException(unknownScheme(scheme));
    } catch (NoClassDefFoundError e) {
      throw new UnsupportedFileSystemException(
          "the Hadoop FileSystem for scheme '" + scheme + "' is on the classpath, but a class it needs is not ("
              + e.getMessage() + "); " + whatToAdd(scheme));
    } catch (RuntimeException e) {
      if (e.getCause() instanceof ClassNotFoundException missing) {
        throw new UnsupportedFileSystemException(
            "no Hadoop FileSystem for scheme '" + scheme + "' on the classpath (" + missing.getMessage() + "); "
                + whatToAdd(scheme));
      }
      throw e;
    }
  }

  private static String unknownScheme(String scheme) {
    if (OLD_S3_SCHEMES.contains(scheme)) {
      return "no Hadoop FileSystem for scheme '" + scheme + "': Hadoop reads S3 as s3a://BUCKET/PATH; write the"
          + " location so, and " + whatToAdd("s3a");
    }
    return "no Hadoop FileSystem for scheme '" + scheme + "': Hadoop knows none (expected a local path, file://,"
        + " hdfs://, s3a://, ...); for another file system add its jar with --jars or --packages and set"
        + " spark.hadoop.fs." + scheme + ".impl";
  }

  private static String whatToAdd(String scheme) {
    String hadoop = VersionInfo.getVersion();
    if (!scheme.equals("s3a")) {
      return "add the jars that provide it, built for Hadoop " + hadoop + " (Spark's), with --jars or --packages";
    }
    return "add hadoop-aws " + hadoop + " (the version of Spark's Hadoop) and the AWS SDK bundle it depends on:"
        + " --packages org.apache.hadoop:hadoop-aws:" + hadoop + " (which fetches both), or --jars with"
        + " hadoop-aws-" + hadoop + ".jar and the software.amazon.awssdk bundle jar whose version hadoop-aws "
        + hadoop + " names";
  }
}
