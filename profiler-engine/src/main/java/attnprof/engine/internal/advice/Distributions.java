package attnprof.engine.internal.advice;

import attnprof.api.ProfilerException;
import attnprof.api.input.InputGenerator;
import attnprof.engine.result.LengthDistribution;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a dataset's lengths come from: its input files, measured as a sweep measures them (the modality's input
 * generator reads each one); a column of lengths in a CSV or JSON file; or a histogram of lengths and counts.
 */
public final class Distributions {
  private Distributions() {
  }

  /**
   * The lengths of input files: each path a file, a folder (walked for the generator's file types) or a glob pattern
   * ({@code corpus/*.txt}). Files the generator cannot read as inputs are skipped and counted.
   *
   * @throws ProfilerException a user error when no file gives a length
   */
  public static LengthDistribution ofInputs(InputGenerator generator, List<String> paths) {
    List<Path> files = new ArrayList<>();
    for (String path : paths) {
      files.addAll(expand(path, generator.descriptor().fileTypes()));
    }
    List<Double> lengths = new ArrayList<>();
    int skipped = 0;
    for (Path file : files) {
      try {
        lengths.add(Math.max(1, generator.read(file).length()));
      } catch (ProfilerException e) {
        skipped++;
      }
    }
    String unit = generator.descriptor().lengthUnit();
    if (lengths.isEmpty()) {
      throw ProfilerException.user("no input among " + files.size() + " files of " + String.join(", ", paths)
          + " could be read as " + generator.descriptor().id() + " inputs ("
          + String.join(", ", generator.descriptor().fileTypes()) + ")");
    }
    return LengthDistribution.ofSamples(unit, lengths, lengths.size() + (lengths.size() == 1 ? " input file of " : " input files of ") + String.join(", ", paths),
        skipped);
  }

  private static List<Path> expand(String path, List<String> fileTypes) {
    Path given = Path.of(path);
    try {
      if (Files.isDirectory(given)) {
        try (Stream<Path> walk = Files.walk(given)) {
          return walk.filter(Files::isRegularFile).filter(file -> fileTypes.stream()
              .anyMatch(type -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(type)))
              .sorted().toList();
        }
      }
      if (Files.isRegularFile(given)) {
        return List.of(given);
      }
      if (path.contains("*") || path.contains("?")) {
        Path folder = given.getParent() == null ? Path.of(".") : given.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + given.getFileName());
        if (Files.isDirectory(folder)) {
          try (Stream<Path> list = Files.list(folder)) {
            List<Path> matched = list.filter(file -> matcher.matches(file.getFileName()))
                .filter(Files::isRegularFile).sorted().toList();
            if (!matched.isEmpty()) {
              return matched;
            }
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw ProfilerException.user("cannot read " + path + ": " + e.getMessage());
    }
    throw ProfilerException.user("no such file, folder or matching files: " + path);
  }

}
