package org.glorotsweep.sweep.config;

import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Loads one YAML document with snakeyaml-engine into plain values only: maps (a {@code LinkedHashMap}, so in the
 * order written), lists, text, integers, doubles, booleans and null, resolved by the YAML 1.2 JSON schema. The
 * engine has no way to instantiate arbitrary classes, so a file cannot run code; an unknown tag, a duplicate key
 * or a second document is an error.
 */
final class YamlDocument {
  private YamlDocument() {}

  /**
   * The document's root value (null for an empty document).
   *
   * @param source the file name, for messages
   * @throws ConfigException for a syntax error, naming its line and column
   */
  static Object load(String text, String source) throws ConfigException {
    LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
    try {
      return new Load(settings).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      throw new ConfigException(source, List.of(syntaxError(e)));
    } catch (YamlEngineException e) {
      throw new ConfigException(source, List.of(new ConfigError("", "invalid YAML: " + e.getMessage())));
    }
  }

  private static ConfigError syntaxError(MarkedYamlEngineException e) {
    String context =
        e.getContext() == null
            ? ""
            : " (" + e.getContext() + e.getContextMark().map(mark -> " at " + position(mark)).orElse("") + ")";
    return new ConfigError(
        e.getProblemMark().map(YamlDocument::position).orElse(""),
        "invalid YAML: " + e.getProblem() + context);
  }

  // Marks count lines and columns from 0; editors count from 1.
  private static String position(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
