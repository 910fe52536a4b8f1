package attnprof.engine.internal.cli;

import java.util.ArrayList;
import java.util.List;

/** The terminal the launcher prints to: how wide it is, and text wrapped to fit it. */
final class Terminal {
  /** The width when {@code COLUMNS} is not set (most shells do not export it). */
  static final int DEFAULT_COLUMNS = 100;
  private static final int NARROWEST = 20;

  private Terminal() {
  }

  /** {@code COLUMNS}, or {@value #DEFAULT_COLUMNS} when it is unset or not a number. */
  static int columns() {
    String value = System.getenv("COLUMNS");
    if (value == null) {
      return DEFAULT_COLUMNS;
    }
    try {
      return Math.max(NARROWEST, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_COLUMNS;
    }
  }

  /**
   * A message as lines no wider than the terminal, the lines after the first indented by two spaces more
   * than the message's own indentation.
   */
  static String fit(String message) {
    return fit(message, columns());
  }

  static String fit(String message, int width) {
    if (message.length() <= width) {
      return message;
    }
    String indent = message.substring(0, message.length() - message.stripLeading().length());
    List<String> first = wrap(message.stripLeading(), width - indent.length());
    List<String> lines = new ArrayList<>();
    lines.add(indent + first.get(0));
    String rest = String.join(" ", first.subList(1, first.size()));
    if (!rest.isEmpty()) {
      wrap(rest, width - indent.length() - 2).forEach(line -> lines.add(indent + "  " + line));
    }
    return String.join("\n", lines);
  }

  /**
   * Text as lines of at most {@code width} characters, broken at spaces; a word longer than a line is
   * broken where the line ends. Text that fits is kept as it is; wrapped text has single spaces. Always at
   * least one line.
   */
  static List<String> wrap(String text, int width) {
    if (text.length() <= width) {
      return List.of(text);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      while (word.length() > width) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
