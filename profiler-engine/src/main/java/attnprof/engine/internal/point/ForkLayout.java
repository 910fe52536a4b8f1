package attnprof.engine.internal.point;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a sweep's points are grouped for measuring. A <em>family</em> is a vanilla variant with the
 * efficient variants of the sweep compared with it (a variant whose baseline is not swept is a family
 * of its own). A <em>series</em> is a family on one input; a fork of it measures all its cells in one
 * process. A <em>cell</em> is the series' points at one mode, length and batch size: they are loaded
 * together and timed side by side. Cells run inference before training, then by length and batch size.
 */
public final class ForkLayout {
  private ForkLayout() {
  }

  /**
   * A family on one input, and its cells in the order a first fork measures them.
   *
   * @param name a name for its processes' logs, such as {@code text_bert}
   */
  public record Series(String name, List<List<Point>> cells) {
    public Series {
      cells = cells.stream().map(List::copyOf).toList();
    }

    /**
     * The cells in the order fork {@code replicate} measures them: every other fork backwards, and
     * with each cell's points loaded in the reverse order too, so that no point is always the first
     * of its process (which pays for the kernels TensorFlow sets up once per shape) or of its rounds.
     */
    public List<List<Point>> cellsFor(int replicate) {
      List<List<Point>> ordered = new ArrayList<>();
      for (List<Point> cell : cells) {
        List<Point> points = new ArrayList<>(cell);
        if (replicate % 2 == 1) {
          java.util.Collections.reverse(points);
        }
        ordered.add(points);
      }
      if (replicate % 2 == 1) {
        java.util.Collections.reverse(ordered);
      }
      return ordered;
    }
  }

  public static List<Series> of(List<Point> jobs) {
    Set<String> swept = jobs.stream().map(Point::variant).collect(Collectors.toSet());
    Map<String, List<Point>> bySeries = new LinkedHashMap<>();
    for (Point job : jobs) {
      bySeries.computeIfAbsent(family(job, swept) + "|" + (job.inputFile() == null ? "" : job.inputFile()),
          k -> new ArrayList<>()).add(job);
    }
    List<Series> series = new ArrayList<>();
    for (List<Point> members : bySeries.values()) {
      Point first = members.get(0);
      Map<String, List<Point>> cells = new LinkedHashMap<>();
      members.stream()
          .sorted(Comparator.comparing((Point j) -> j.mode().ordinal()).thenComparingDouble(Point::length)
              .thenComparingInt(Point::batch).thenComparing(j -> j.baseline().isEmpty() ? 0 : 1))
          .forEach(job -> cells.computeIfAbsent(job.mode() + "|" + job.length() + "|" + job.batch(),
              k -> new ArrayList<>()).add(job));
      String input = first.inputFile() == null ? "" : "-" + java.nio.file.Path.of(first.inputFile()).getFileName();
      series.add(new Series((family(first, swept) + input).replaceAll("[^A-Za-z0-9._-]", "_"),
          new ArrayList<>(cells.values())));
    }
    return series;
  }

  /** The vanilla variant a point is compared with when it is swept, else the point's own variant. */
  static String family(Point job, Set<String> swept) {
    return !job.baseline().isEmpty() && swept.contains(job.baseline()) ? job.baseline() : job.variant();
  }
}
