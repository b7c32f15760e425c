package org.glorotsweep.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scheduling recipes under {@code scripts/schedule/}, as the integration tests read them. */
final class ScheduleRecipes {
  /** The recipes' folder, from the module directory Failsafe runs in. */
  static final Path FOLDER = Path.of("..", "scripts", "schedule").toAbsolutePath().normalize();

  private ScheduleRecipes() {}

  /**
   * An environment file as systemd reads it (and {@code sh}, for the values these files hold): KEY=VALUE lines,
   * {@code #} comments, a value in double quotes unquoted.
   */
  static Map<String, String> environmentFile(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && equals > 0) {
        String value = line.substring(equals + 1);
        env.put(line.substring(0, equals),
            value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value);
      }
    }
    return env;
  }
}
