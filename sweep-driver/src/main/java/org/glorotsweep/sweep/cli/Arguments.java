package org.glorotsweep.sweep.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subcommand's parsed arguments: positional values, and {@code --name value} options, {@code --name v1 v2 ...}
 * lists (every value up to the next option; given twice, the lists join) or {@code --flag} switches from a
 * declared set. Anything undeclared is an error naming it and what is allowed.
 */
final class Arguments {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();
  private final Map<String, List<String>> lists = new HashMap<>();

  private Arguments() {}

  /**
   * Parses {@code args}.
   *
   * @param valued options that take a value, without their dashes
   * @param switches options that take none
   * @throws UsageException for an unknown option or a missing value
   */
  static Arguments parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
    return parse(args, valued, switches, Set.of());
  }

  /**
   * Parses {@code args}.
   *
   * @param valued options that take a value, without their dashes
   * @param switches options that take none
   * @param listed options that take one or more values
   * @throws UsageException for an unknown option or a missing value
   */
  static Arguments parse(List<String> args, Set<String> valued, Set<String> switches, Set<String> listed)
      throws UsageException {
    Arguments parsed = new Arguments();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        parsed.positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      if (switches.contains(name)) {
        parsed.options.put(name, "true");
      } else if (listed.contains(name)) {
        List<String> values = parsed.lists.computeIfAbsent(name, n -> new ArrayList<>());
        int before = values.size();
        while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          values.add(args.get(++i));
        }
        if (values.size() == before) {
          throw new UsageException("option " + arg + " needs at least one value");
        }
      } else if (valued.contains(name)) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option " + arg + " needs a value");
        }
        parsed.options.put(name, args.get(++i));
      } else {
        List<String> allowed = new ArrayList<>();
        valued.forEach(v -> allowed.add("--" + v + " VALUE"));
        listed.forEach(v -> allowed.add("--" + v + " VALUE..."));
        switches.forEach(s -> allowed.add("--" + s));
        allowed.sort(null);
        throw new UsageException("unknown option " + arg + "; allowed: " + String.join(", ", allowed));
      }
    }
    return parsed;
  }

  /** The positional values, in order. */
  List<String> positional() {
    return positional;
  }

  /** The value of option {@code name}, or {@code fallback}. */
  String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /** The values of list option {@code name}, in order; empty when it was not given. */
  List<String> values(String name) {
    return lists.getOrDefault(name, List.of());
  }

  /** Whether switch {@code name} or list option {@code name} was given. */
  boolean has(String name) {
    return options.containsKey(name) || lists.containsKey(name);
  }
}
