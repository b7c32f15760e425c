package org.glorotsweep.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.sweep.grid.DataShapes;
import org.glorotsweep.sweep.grid.PlannedTrial;
import org.glorotsweep.sweep.search.Race;
import org.glorotsweep.sweep.search.SearchPlan;
import org.junit.jupiter.api.Test;

/** The sweep files shipped in conf/ load and expand to the trials their comments promise. */
class ConfFilesTest {
  private static final Path CONF = Path.of("..", "conf");

  /** The paper's data sets as the catalogue describes them (paper-spec section 2). */
  private static final DataShapes PAPER_DATA_SETS =
      spec ->
          switch (spec.name()) {
            case "shapeset" -> new DataShapes.Shape(1024, 9);
            case "mnist" -> new DataShapes.Shape(784, 10);
            case "cifar10" -> new DataShapes.Shape(3072, 10);
            default -> throw new IllegalArgumentException("unknown data set " + spec.name());
          };

  @Test
  void smokeIsFiveSmallShapesetTrials() throws ConfigException {
    SweepConfig smoke = SweepConfigLoader.load(CONF.resolve("smoke.yaml"), PAPER_DATA_SETS);
    assertEquals("smoke", smoke.name());
    assertEquals(
        List.of("tanh/standard", "tanh/normalized", "softsign/standard", "softsign/normalized", "sigmoid/standard"),
        smoke.trials().stream().map(t -> t.activation().configName() + "/" + t.init().configName()).toList());
    for (PlannedTrial trial : smoke.trials()) {
      assertEquals("shapeset", trial.dataset());
      assertEquals(2000, trial.updates());
      assertEquals(100, trial.spec().monitor().monitorExamples());
      assertEquals(Map.of("validation_size", "1000", "test_size", "1000"), trial.spec().data().options());
    }
    assertEquals(List.of(32, 32), smoke.trials().get(4).hiddenWidths());
  }

  @Test
  void glorot2010HasThePapersGrid() throws ConfigException {
    SweepConfig paper = SweepConfigLoader.load(CONF.resolve("glorot2010.yaml"), PAPER_DATA_SETS);
    Map<String, Long> perGroup = countsByGroup(paper);
    assertEquals(
        Map.of("table1", 84L, "table1-sigmoid", 21L, "depth-softsign-tanh", 112L, "depth-sigmoid", 21L,
            "fig2-sigmoid", 7L),
        perGroup);
    assertEquals(245, paper.trials().size());
    for (PlannedTrial trial : paper.trials()) {
      assertEquals(5_000_000L, trial.updates());
      assertEquals(10, trial.batchSize());
      assertEquals(1000, trial.width().getAsInt());
    }
    // Table 1's five models at 5 hidden layers, 7 learning rates, 3 repeats each.
    Map<String, Long> table1 =
        paper.trials().stream()
            .filter(t -> t.depth() == 5)
            .collect(Collectors.groupingBy(ConfFilesTest::model, Collectors.counting()));
    assertEquals(
        Map.of("softsign/standard", 21L, "softsign/normalized", 21L, "tanh/standard", 21L, "tanh/normalized", 21L,
            "sigmoid/standard", 21L),
        table1);
    // Sigmoid at every depth from 1 to 5, from three groups.
    assertEquals(
        Set.of(1, 2, 3, 4, 5),
        paper.trials().stream().filter(t -> t.activation() == Activation.SIGMOID).map(PlannedTrial::depth)
            .collect(Collectors.toSet()));
    assertEquals(
        Set.of(0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1),
        paper.trials().stream().map(PlannedTrial::learningRate).collect(Collectors.toSet()));
    assertTrue(
        paper.trials().stream().filter(t -> t.group().equals("fig2-sigmoid"))
            .allMatch(t -> t.depth() == 4 && t.init() == Initializer.STANDARD
                && t.spec().monitor().interval() == 20_000));
  }

  @Test
  void glorot2010ExpandsDepthFirstThenModelThenRateThenRepeat() throws ConfigException {
    List<PlannedTrial> table1 =
        SweepConfigLoader.load(CONF.resolve("glorot2010.yaml"), PAPER_DATA_SETS).trials().subList(0, 4);
    assertEquals(
        List.of("softsign/standard/1.0E-4/0", "softsign/standard/1.0E-4/1", "softsign/standard/1.0E-4/2",
            "softsign/standard/3.0E-4/0"),
        table1.stream().map(t -> model(t) + "/" + t.learningRate() + "/" + t.repeat()).toList());
  }

  @Test
  void glorot2010FilesCoversMnistAndCifar10() throws ConfigException {
    SweepConfig files = SweepConfigLoader.load(CONF.resolve("glorot2010-files.yaml"), PAPER_DATA_SETS);
    assertEquals(
        Map.of("mnist-table1", 84L, "mnist-sigmoid", 21L, "cifar10-table1", 84L, "cifar10-sigmoid", 21L),
        countsByGroup(files));
    assertEquals(784, files.trials().get(0).spec().network().inputSize());
  }

  @Test
  void glorot2010FilesWithoutTheFilesNamesEveryPlaceholder() {
    DataShapes absent = spec -> {
      throw new NoSuchFileException(spec.option("path", "?"));
    };
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> SweepConfigLoader.load(CONF.resolve("glorot2010-files.yaml"), absent));
    assertEquals(
        List.of("common.dataset", "groups[2].dataset"),
        e.errors().stream().map(ConfigError::keyPath).toList());
    assertTrue(e.errors().get(0).detail().contains("(groups[0].data_options)"), e::getMessage);
  }

  @Test
  void searchCompareRacesFiveRatesOfFourModelsInRungsOf100To2700() throws ConfigException {
    SweepConfig compare = SweepConfigLoader.load(CONF.resolve("search-compare.yaml"), PAPER_DATA_SETS);
    assertEquals(40, compare.trials().size());
    SearchPlan plan = SearchPlan.of(compare.trials(), compare.searches());
    assertEquals(List.of(), plan.unsearched());
    assertEquals(4, plan.races().size());
    for (Race race : plan.races()) {
      assertEquals(List.of(100L, 300L, 900L, 2700L), race.rungs());
      assertEquals(5, race.arms().size());
      assertTrue(race.arms().stream().allMatch(arm -> arm.repeats().size() == 2));
    }
    assertEquals(Map.of(), compare.withoutSearches().searches());
  }

  private static Map<String, Long> countsByGroup(SweepConfig sweep) {
    return sweep.trials().stream().collect(Collectors.groupingBy(PlannedTrial::group, Collectors.counting()));
  }

  private static String model(PlannedTrial trial) {
    return trial.activation().configName() + "/" + trial.init().configName();
  }
}
