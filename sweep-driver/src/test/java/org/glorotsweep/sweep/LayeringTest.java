package org.glorotsweep.sweep;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The driver's layering as a test. Data flows one way (config -> grid -> trials -> result rows -> Parquet
 * -> queries): {@code cli} on top, {@code spark} beneath it, {@code reproduce} (the comparison and verdicts of
 * reproduction runs, which {@code spark} runs and {@code cli} prints) and {@code report} (the views and report
 * that {@code spark} registers and {@code cli} writes) beneath that, then {@code config}, the learning-rate
 * search's logic ({@code search}, which {@code config} reads policies of), {@code results} and {@code grid};
 * nothing reaches up, and no package cycle forms.
 *
 * <p>Reads the module's own compiled classes ({@code target/classes}; Surefire runs in the module directory).
 */
class LayeringTest {
  private static final JavaClasses DRIVER = new ClassFileImporter().importPath(Path.of("target", "classes"));

  @Test
  void packagesFormNoCycle() {
    slices().matching("org.glorotsweep.sweep.(*)..").should().beFreeOfCycles().check(DRIVER);
  }

  @Test
  void layersOnlyLookDown() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("cli").definedBy("org.glorotsweep.sweep.cli..")
        .layer("spark").definedBy("org.glorotsweep.sweep.spark..")
        .layer("reproduce").definedBy("org.glorotsweep.sweep.reproduce..")
        .layer("report").definedBy("org.glorotsweep.sweep.report..")
        .layer("config").definedBy("org.glorotsweep.sweep.config..")
        .layer("results").definedBy("org.glorotsweep.sweep.results..")
        .layer("search").definedBy("org.glorotsweep.sweep.search..")
        .layer("grid").definedBy("org.glorotsweep.sweep.grid..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("spark").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("reproduce").mayOnlyBeAccessedByLayers("cli", "spark")
        .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "spark")
        .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "spark")
        .whereLayer("search").mayOnlyBeAccessedByLayers("cli", "spark", "config")
        .whereLayer("results").mayOnlyBeAccessedByLayers("cli", "spark", "search", "reproduce")
        .whereLayer("grid").mayOnlyBeAccessedByLayers("cli", "spark", "config", "results", "search")
        .check(DRIVER);
  }
}
