package org.glorotsweep.core.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.ejml.EjmlVersion;

/**
 * Where a result came from (house rule: provenance with every result): the project's version and git
 * commit, the Java runtime, the EJML version, the OS and architecture, the matrix kernel (which changes the
 * last bits of a result), the version of the trial's maths and the data set's fingerprint.
 *
 * @param projectVersion this project's Maven version
 * @param gitCommit the commit the project was built from ("unknown" outside a git checkout), with "-dirty"
 *     when the working tree had changes
 * @param javaVersion {@code java.version} of the JVM that trained
 * @param javaVendor {@code java.vendor}
 * @param ejmlVersion EJML's version
 * @param os {@code os.name} and {@code os.version}
 * @param arch {@code os.arch}
 * @param kernel the name of the matrix-product kernel used
 * @param mathsVersion the trainer's maths version ({@code Trainer.MATHS_VERSION}), or null when no training
 *     ran
 * @param dataFingerprint the data set's SHA-256 fingerprint
 */
public record Provenance(
    String projectVersion,
    String gitCommit,
    String javaVersion,
    String javaVendor,
    String ejmlVersion,
    String os,
    String arch,
    String kernel,
    Integer mathsVersion,
    String dataFingerprint) {

  private static final String BUILD_INFO = "/org/glorotsweep/core/build.properties";

  /** The provenance of a trial run in this JVM with the given kernel, maths version and data. */
  public static Provenance ofThisJvm(String kernel, Integer mathsVersion, String dataFingerprint) {
    Properties build = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream(BUILD_INFO)) {
      if (in == null) {
        throw new IllegalStateException(BUILD_INFO + " is missing from the classpath; rebuild trainer-core");
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILD_INFO, e);
    }
    return new Provenance(
        build.getProperty("version"),
        build.getProperty("commit"),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        EjmlVersion.VERSION,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        kernel,
        mathsVersion,
        dataFingerprint);
  }
}
