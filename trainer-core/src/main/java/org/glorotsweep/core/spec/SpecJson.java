package org.glorotsweep.core.spec;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TrialSpec} as canonical JSON: keys in a fixed order (options sorted), no whitespace,
 * doubles in their shortest round-trip form laid out as Java writes them ({@link CanonicalDouble}, the same on
 * every Java version). Trial ids are hashes of this text, so it must not change for an unchanged spec;
 * {@link SpecJsonReader} reads it back.
 */
final class SpecJson {
  private final StringBuilder out = new StringBuilder(256);

  private SpecJson() {}

  static String write(TrialSpec spec) {
    SpecJson json = new SpecJson();
    NetworkSpec n = spec.network();
    TrainingSpec t = spec.training();
    MonitorSpec m = spec.monitor();
    json.open()
        .key("network").open()
        .key("input_size").number(n.inputSize()).comma()
        .key("hidden_widths").numbers(n.hiddenWidths()).comma()
        .key("classes").number(n.classes()).comma()
        .key("activation").string(n.activation().configName()).comma()
        .key("init").string(n.init().configName()).comma()
        .key("init_gain").number(n.initGain())
        .close().comma()
        .key("training").open()
        .key("cost").string(t.cost().configName()).comma()
        .key("batch_size").number(t.batchSize()).comma()
        .key("learning_rate").number(t.learningRate()).comma()
        .key("updates").number(t.updates()).comma()
        .key("precision").string(t.precision().configName())
        .close().comma()
        .key("data").open()
        .key("name").string(spec.data().name()).comma()
        .key("options").strings(spec.data().options())
        .close().comma()
        .key("monitor").open()
        .key("enabled").bool(m.enabled()).comma()
        .key("examples").number(m.monitorExamples()).comma()
        .key("log_points").number(m.logPoints()).comma()
        .key("interval").number(m.interval()).comma()
        .key("jacobian_examples").number(m.jacobianExamples()).comma()
        .key("jacobian_every").number(m.jacobianEvery()).comma()
        .key("evaluation_examples").number(m.evaluationExamples()).comma()
        .key("histogram_bins").number(m.histogramBins())
        .close().comma()
        .key("seed").number(spec.seed())
        .close();
    return json.out.toString();
  }

  static String writeOptions(Map<String, String> options) {
    SpecJson json = new SpecJson();
    json.strings(options);
    return json.out.toString();
  }

  private SpecJson open() {
    out.append('{');
    return this;
  }

  private SpecJson close() {
    out.append('}');
    return this;
  }

  private SpecJson comma() {
    out.append(',');
    return this;
  }

  private SpecJson key(String key) {
    return string(key).colon();
  }

  private SpecJson colon() {
    out.append(':');
    return this;
  }

  private SpecJson number(long value) {
    out.append(value);
    return this;
  }

  private SpecJson bool(boolean value) {
    out.append(value);
    return this;
  }

  private SpecJson number(double value) {
    out.append(CanonicalDouble.format(value));
    return this;
  }

  private SpecJson numbers(List<Integer> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(values.get(i));
    }
    out.append(']');
    return this;
  }

  private SpecJson strings(Map<String, String> values) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        comma();
      }
      key(e.getKey()).string(e.getValue());
      first = false;
    }
    out.append('}');
    return this;
  }

  private SpecJson string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    return this;
  }
}
