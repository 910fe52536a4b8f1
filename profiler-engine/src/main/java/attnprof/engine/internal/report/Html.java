package attnprof.engine.internal.report;

/** Escaping for text placed in HTML, in element content and in quoted attribute values alike. */
final class Html {
  private Html() {
  }

  static String escape(Object value) {
    String text = String.valueOf(value);
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
