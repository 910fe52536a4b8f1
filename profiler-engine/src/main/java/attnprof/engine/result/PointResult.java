package attnprof.engine.result;

import attnprof.api.Mode;
import attnprof.api.metric.Measurement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one point of a sweep: what the point was, how it ended, and what was measured.
 *
 * @param point what the point measures
 * @param status how it ended
 * @param measurements every quantity measured (empty unless {@link PointStatus#OK})
 * @param parameters the model's trainable parameter count, or 0 when it was not built
 * @param notes what the model changed to fit the input (padding), and how memory was read
 * @param message why it did not end {@code OK}, one line; empty when it did
 * @param wallSeconds how long the point took, process start and graph build included
 * @param forks what each measuring process measured of it, when it was measured in several; empty when
 *     {@code measurements} come from one process
 */
public record PointResult(PointSpec point, PointStatus status, List<Measurement> measurements, long parameters,
    List<String> notes, String message, double wallSeconds, List<ForkResult> forks) implements OfPoint {

  public PointResult {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(status, "status");
    measurements = List.copyOf(measurements);
    notes = List.copyOf(notes);
    Objects.requireNonNull(message, "message");
    forks = forks == null ? List.of() : List.copyOf(forks);
  }

  /** A point that ended without measurements: the status and message say how. */
  public static PointResult failed(PointSpec point, PointStatus status, String message, double seconds) {
    return new PointResult(point, status, List.of(), 0, List.of(), message, seconds, List.of());
  }

  /** The measurement of a quantity, if it was measured. */
  public Optional<Measurement> measurement(String quantityId) {
    return measurements.stream().filter(m -> m.quantity().id().equals(quantityId)).findFirst();
  }

  /** The same point with the measurements and forks its processes gave together. */
  public PointResult withForks(List<Measurement> merged, List<ForkResult> newForks, double seconds) {
    return new PointResult(point, status, merged, parameters, notes, message, seconds, newForks);
  }

  /** The same point with another ending, for failures found outside the measuring process. */
  public PointResult failed(PointStatus newStatus, String newMessage, double seconds) {
    return new PointResult(point, newStatus, List.of(), parameters, notes, newMessage, seconds, forks);
  }

}
