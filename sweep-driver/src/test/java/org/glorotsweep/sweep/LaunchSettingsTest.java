package org.glorotsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The launch settings the scripts source ({@code scripts/launch-settings.sh}) agree with the POMs that build and
 * test the same code: the Vector API flag and Spark's JVM options with the parent POM's {@code vector.api.flag}
 * and {@code spark.test.jvm.flags}, the application jar with the name Maven gives the shaded jar.
 */
class LaunchSettingsTest {
  /** The repository, from the module directory Surefire runs in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String SETTINGS = "scripts/launch-settings.sh";

  @Test
  void vectorApiFlagIsThePomsFlag() throws Exception {
    assertEquals(List.of(pomValue("pom.xml", "/project/properties/vector.api.flag")),
        scriptValues("\"$vector_api_flag\""));
  }

  @Test
  void sparkJvmOptionsAreThePomsTestJvmFlags() throws Exception {
    assertEquals(Arrays.asList(pomValue("pom.xml", "/project/properties/spark.test.jvm.flags").split("\\s+")),
        scriptValues("\"${spark_jvm_options[@]}\""));
  }

  @Test
  void appJarIsTheShadedJarMavenBuilds() throws Exception {
    String module = "sweep-driver/pom.xml";
    String jar = pomValue(module, "/project/artifactId") + "-" + pomValue("pom.xml", "/project/version") + "-"
        + pomValue(module, "//plugin[artifactId='maven-shade-plugin']//shadedClassifierName") + ".jar";
    assertEquals(List.of(ROOT.resolve("sweep-driver/target").resolve(jar).toString()),
        scriptValues("\"$app_jar\""));
  }

  /** The text of the element {@code xpath} selects in the POM at {@code pom} (relative to the repository). */
  private static String pomValue(String pom, String xpath) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(ROOT.resolve(pom).toFile());
    String value = XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
    assertFalse(value.isEmpty(), () -> pom + " has no " + xpath);
    return value;
  }

  /** The words {@code bash} prints for {@code words} (shell syntax) after sourcing the settings, one per line. */
  private static List<String> scriptValues(String words) throws IOException, InterruptedException {
    Process bash = new ProcessBuilder("bash", "-c", "source " + SETTINGS + " && printf '%s\\n' " + words)
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(1, TimeUnit.MINUTES), "bash did not finish");
    assertEquals(0, bash.exitValue(), () -> "sourcing " + SETTINGS + " failed: " + output);
    return output.lines().toList();
  }
}
