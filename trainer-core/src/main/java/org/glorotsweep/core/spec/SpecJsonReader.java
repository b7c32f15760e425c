package org.glorotsweep.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glorotsweep.core.choice.Activation;
import org.glorotsweep.core.choice.Cost;
import org.glorotsweep.core.choice.Initializer;
import org.glorotsweep.core.choice.Precision;

/**
 * Reads the canonical JSON that {@link SpecJson} writes back into a {@link TrialSpec}, so a committed trial can
 * be run again from its {@code spec_json} alone. It accepts the JSON values the writer produces (objects,
 * arrays, strings, numbers, booleans) and every key the writer writes; a missing key, a value of the wrong kind
 * or text after the object is an {@link IllegalArgumentException} naming the key path and the offset.
 */
final class SpecJsonReader {
  private final String text;
  private int at;

  private SpecJsonReader(String text) {
    this.text = text;
  }

  static TrialSpec read(String json) {
    SpecJsonReader reader = new SpecJsonReader(json);
    Map<String, Object> root = reader.object("spec");
    if (reader.at != json.length()) {
      throw reader.error("spec", "the end of the text");
    }
    Map<String, Object> n = child(root, "network");
    Map<String, Object> t = child(root, "training");
    Map<String, Object> d = child(root, "data");
    Map<String, Object> m = child(root, "monitor");
    List<Integer> widths = new ArrayList<>();
    for (Object width : list(n, "network.hidden_widths")) {
      widths.add(Math.toIntExact(Long.parseLong(number(width, "network.hidden_widths[]"))));
    }
    TreeMap<String, String> options = new TreeMap<>();
    child(d, "options").forEach((key, value) -> options.put(key, string(value, "data.options." + key)));
    return new TrialSpec(
        new NetworkSpec(integer(n, "input_size"), widths, integer(n, "classes"),
            Activation.fromConfigName(string(n.get("activation"), "network.activation")),
            Initializer.fromConfigName(string(n.get("init"), "network.init")),
            decimal(n, "init_gain")),
        new TrainingSpec(Cost.fromConfigName(string(t.get("cost"), "training.cost")), integer(t, "batch_size"),
            decimal(t, "learning_rate"), whole(t, "updates"),
            Precision.fromConfigName(string(t.get("precision"), "training.precision"))),
        new DataSpec(string(d.get("name"), "data.name"), options),
        new MonitorSpec(bool(m.get("enabled"), "monitor.enabled"), integer(m, "examples"),
            integer(m, "log_points"), whole(m, "interval"), integer(m, "jacobian_examples"),
            integer(m, "jacobian_every"), integer(m, "evaluation_examples"), integer(m, "histogram_bins")),
        Long.parseLong(number(root.get("seed"), "seed")));
  }

  private Map<String, Object> object(String path) {
    expect('{', path);
    Map<String, Object> members = new LinkedHashMap<>();
    if (peek() == '}') {
      at++;
      return members;
    }
    do {
      String key = string(path);
      expect(':', path + "." + key);
      members.put(key, value(path + "." + key));
    } while (accept(','));
    expect('}', path);
    return members;
  }

  private Object value(String path) {
    char c = peek();
    if (c == '{') {
      return object(path);
    }
    if (c == '[') {
      at++;
      List<Object> items = new ArrayList<>();
      if (!accept(']')) {
        do {
          items.add(value(path + "[]"));
        } while (accept(','));
        expect(']', path);
      }
      return items;
    }
    if (c == '"') {
      return string(path);
    }
    if (text.startsWith("true", at) || text.startsWith("false", at)) {
      boolean value = text.startsWith("true", at);
      at += value ? 4 : 5;
      return value;
    }
    int start = at;
    while (at < text.length() && "+-.0123456789eEINaity".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw error(path, "a value");
    }
    return new Number(text.substring(start, at));
  }

  private String string(String path) {
    expect('"', path);
    StringBuilder out = new StringBuilder();
    while (at < text.length() && text.charAt(at) != '"') {
      char c = text.charAt(at++);
      if (c == '\\' && at < text.length()) {
        char escaped = text.charAt(at++);
        if (escaped == 'u' && at + 4 <= text.length()) {
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        } else {
          out.append(escaped);
        }
      } else {
        out.append(c);
      }
    }
    expect('"', path);
    return out.toString();
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("spec", "more text");
    }
    return text.charAt(at);
  }

  private boolean accept(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c, String path) {
    if (!accept(c)) {
      throw error(path, "'" + c + "'");
    }
  }

  private IllegalArgumentException error(String path, String expected) {
    return new IllegalArgumentException(
        "spec JSON at offset " + at + " (" + path + "): expected " + expected + " in " + text);
  }

  /** A number's text, kept as written so integers and doubles are read exactly. */
  private record Number(String text) {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("spec JSON: " + key + " is " + value + "; expected an object");
    }
    return (Map<String, Object>) value;
  }

  private static List<?> list(Map<String, Object> parent, String path) {
    Object value = parent.get(path.substring(path.indexOf('.') + 1));
    if (!(value instanceof List<?> items)) {
      throw new IllegalArgumentException("spec JSON: " + path + " is " + value + "; expected an array");
    }
    return items;
  }

  private static String number(Object value, String path) {
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException("spec JSON: " + path + " is " + value + "; expected a number");
    }
    return number.text();
  }

  private static String string(Object value, String path) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("spec JSON: " + path + " is " + value + "; expected a string");
    }
    return s;
  }

  private static boolean bool(Object value, String path) {
    if (!(value instanceof Boolean b)) {
      throw new IllegalArgumentException("spec JSON: " + path + " is " + value + "; expected true or false");
    }
    return b;
  }

  private static int integer(Map<String, Object> parent, String key) {
    return Math.toIntExact(whole(parent, key));
  }

  private static long whole(Map<String, Object> parent, String key) {
    return Long.parseLong(number(parent.get(key), key));
  }

  private static double decimal(Map<String, Object> parent, String key) {
    return Double.parseDouble(number(parent.get(key), key));
  }
}
