package org.glorotsweep.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package structure of trainer-core as a test: no package cycles, and the closed sets in {@code choice}
 * at the bottom. A back-arrow (say, {@code nn} importing a spec while {@code spec} imports {@code nn}) fails
 * the build here instead of waiting for a review.
 *
 * <p>Reads the module's own compiled classes ({@code target/classes}; Surefire runs in the module directory).
 */
class LayeringTest {
  private static final JavaClasses CORE = new ClassFileImporter().importPath(Path.of("target", "classes"));

  @Test
  void packagesFormNoCycle() {
    slices().matching("org.glorotsweep.core.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void choicesDependOnNothingElseOfTheProject() {
    noClasses().that().resideInAPackage("org.glorotsweep.core.choice..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.glorotsweep.core.spec..", "org.glorotsweep.core.nn..", "org.glorotsweep.core.kernel..",
            "org.glorotsweep.core.data..", "org.glorotsweep.core.train..", "org.glorotsweep.core.monitor..",
            "org.glorotsweep.core.result..")
        .check(CORE);
  }

  @Test
  void specsAreIndependentOfHowTrainingIsDone() {
    noClasses().that().resideInAPackage("org.glorotsweep.core.spec..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.glorotsweep.core.nn..", "org.glorotsweep.core.kernel..", "org.glorotsweep.core.data..",
            "org.glorotsweep.core.train..", "org.glorotsweep.core.monitor..", "org.glorotsweep.core.result..")
        .check(CORE);
  }

  @Test
  void resultsDoNotReachIntoTheNetworks() {
    noClasses().that().resideInAPackage("org.glorotsweep.core.result..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.glorotsweep.core.nn..", "org.glorotsweep.core.kernel..", "org.glorotsweep.core.train..",
            "org.glorotsweep.core.monitor..")
        .check(CORE);
  }
}
