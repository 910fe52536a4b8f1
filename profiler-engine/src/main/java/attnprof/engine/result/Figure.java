package attnprof.engine.result;

import attnprof.api.Mode;
import attnprof.api.metric.Direction;
import attnprof.api.metric.Measurement;
import attnprof.api.metric.Quantity;
import attnprof.api.metric.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One quantity of one point, typed: what the point was, the quantity (its unit and which way is better), its
 * summary, and how the point ended. Tipping points, comparisons, charts, the report and {@code compare} work on
 * figures; {@link ResultRow} is a figure's flat form in files.
 *
 * @param point what the point measured
 * @param quantity the quantity
 * @param summary its summary, or null when the point did not end {@link PointStatus#OK}
 * @param status how the point ended
 * @param message why the point did not end {@code OK}
 * @param parameters the model's parameter count
 * @param notes what the model changed to fit the input, and how memory was read
 */
public record Figure(PointSpec point, Quantity quantity, Summary summary, PointStatus status, String message,
    long parameters, List<String> notes) implements OfPoint {

  public Figure {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(status, "status");
    message = Objects.requireNonNullElse(message, "");
    notes = List.copyOf(notes);
  }

  /**
   * The figures of one point: a measured point's measured quantities; a failed point's expected ones, without a
   * summary and with its status. A measured point without an expected quantity could not report it (no allocator
   * statistics, say) and has no figure of it.
   */
  public static List<Figure> of(PointResult point, List<Quantity> expected) {
    List<Figure> figures = new ArrayList<>();
    for (Quantity quantity : expected) {
      Optional<Measurement> measured = point.measurement(quantity.id());
      if (measured.isPresent() || point.status() != PointStatus.OK) {
        figures.add(new Figure(point.point(), quantity, measured.map(Measurement::summary).orElse(null),
            point.status(), point.message(), point.parameters(), point.notes()));
      }
    }
    return figures;
  }

  /**
   * The figures of rows, each described by its point where the points of the run are known (a row lacks a point's
   * configuration).
   */
  public static List<Figure> ofRows(List<ResultRow> rows, List<PointResult> points) {
    java.util.Map<String, PointSpec> described = new java.util.HashMap<>();
    points.forEach(point -> described.put(place(point.point()), point.point()));
    return rows.stream().map(ResultRow::toFigure).map(figure -> {
      PointSpec point = described.get(place(figure.point()));
      return point == null ? figure : figure.of(point);
    }).toList();
  }

  private static String place(PointSpec point) {
    return point.variant() + "|" + point.input() + "|" + Lengths.exact(point.length()) + "|" + point.mode().id() + "|"
        + point.batch();
  }

  /** The same figure of a point described more fully (a figure read from a row lacks the configuration). */
  public Figure of(PointSpec described) {
    return new Figure(described, quantity, summary, status, message, parameters, notes);
  }

  /** Whether the quantity was measured. */
  public boolean ok() {
    return status == PointStatus.OK && summary != null;
  }

  /** The median, or null when the quantity was not measured. */
  public Double value() {
    return summary == null ? null : summary.median();
  }

  /** The lower end of the median's 95% interval, the median when there is none. */
  public double ciLow() {
    return summary == null ? Double.NaN : summary.ciLow();
  }

  /** The upper end of the median's 95% interval, the median when there is none. */
  public double ciHigh() {
    return summary == null ? Double.NaN : summary.ciHigh();
  }

  /** The quantity's id, such as {@code latency}. */
  public String metric() {
    return quantity.id();
  }

  /** The quantity's unit symbol, such as {@code ms}. */
  public String unit() {
    return quantity.unit().symbol();
  }

  public Direction direction() {
    return quantity.direction();
  }

}
