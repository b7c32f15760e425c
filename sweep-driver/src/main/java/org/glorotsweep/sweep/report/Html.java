package org.glorotsweep.sweep.report;

/** Escaping for text placed in HTML and in JSON inside a script element. */
final class Html {
  private Html() {}

  /** {@code text} safe as HTML element content or a quoted attribute value. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** {@code text} as a JSON string literal that cannot close its script element. */
  static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '<' -> json.append("\\u003c");
        case '\n' -> json.append("\\n");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
