package attnprof.engine.internal.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The line of a child's log that best says why it died. */
final class LogTail {
  private LogTail() {
  }

  static String lastMeaningfulLine(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException | RuntimeException e) {
      return "";
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (!line.isEmpty() && !line.startsWith("at ") && !line.startsWith("...")) {
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
      }
    }
    return "";
  }
}
