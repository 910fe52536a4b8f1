package attnprof.engine.internal.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Facts about the host read from {@code /proc}, with portable fallbacks where it is missing. */
public final class HostFacts {
  private HostFacts() {
  }

  /** The CPU's model name, or the architecture when it cannot be read. */
  public static String cpuModel() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return System.getProperty("os.arch");
  }

  /** Physical memory in bytes. */
  public static OptionalLong totalMemoryBytes() {
    return kilobytesField(Path.of("/proc/meminfo"), "MemTotal:");
  }

  /** This process' resident-memory high-water mark in bytes. */
  public static OptionalLong residentHighWaterBytes() {
    return kilobytesField(Path.of("/proc/self/status"), "VmHWM:");
  }

  static OptionalLong kilobytesField(Path file, String field) {
    for (String line : lines(file)) {
      if (line.startsWith(field)) {
        String[] parts = line.substring(field.length()).trim().split("\\s+");
        try {
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
