package attnprof.engine.result;

import attnprof.api.Mode;
import attnprof.api.metric.Measurement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one point of a sweep: what was measured, how it ended, and what was measured.
 *
 * @param variantId the variant
 * @param baseline the variant's baseline id, empty for a vanilla variant
 * @param modality the variant's modality
 * @param preset the preset the configuration started from
 * @param input {@code synthetic}, or the name of the real input file profiled
 * @param config every parameter's value
 * @param length the input length, in {@code lengthUnit}
 * @param lengthUnit the unit of lengths (tokens, seconds, pixels)
 * @param batch inputs per step
 * @param mode inference or training
 * @param deviceId the device
 * @param status how it ended
 * @param measurements every quantity measured (empty unless {@link PointStatus#OK})
 * @param parameters the model's trainable parameter count, or 0 when it was not built
 * @param notes what the model changed to fit the input (padding), and how memory was read
 * @param message why it did not end {@code OK}, one line; empty when it did
 * @param wallSeconds how long the point took, process start and graph build included
 * @param forks what each measuring process measured of it, when it was measured in several; empty when
 *     {@code measurements} come from one process
 * @param refinement whether the point was added after the grid to narrow a tipping point down
 */
public record PointResult(
    String variantId,
    String baseline,
    String modality,
    String preset,
    String input,
    Map<String, String> config,
    double length,
    String lengthUnit,
    int batch,
    Mode mode,
    String deviceId,
    PointStatus status,
    List<Measurement> measurements,
    long parameters,
    List<String> notes,
    String message,
    double wallSeconds,
    List<ForkResult> forks,
    boolean refinement) {

  public PointResult {
    Objects.requireNonNull(variantId, "variantId");
    input = input == null || input.isEmpty() ? "synthetic" : input;
    Objects.requireNonNull(status, "status");
    config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    measurements = List.copyOf(measurements);
    notes = List.copyOf(notes);
    Objects.requireNonNull(message, "message");
    forks = forks == null ? List.of() : List.copyOf(forks);
  }

  /** The measurement of a quantity, if it was measured. */
  public Optional<Measurement> measurement(String quantityId) {
    return measurements.stream().filter(m -> m.quantity().id().equals(quantityId)).findFirst();
  }

  /** The same point with the measurements and forks its processes gave together. */
  public PointResult withForks(List<Measurement> merged, List<ForkResult> newForks, double seconds) {
    return new PointResult(variantId, baseline, modality, preset, input, config, length, lengthUnit, batch, mode, deviceId,
        status, merged, parameters, notes, message, seconds, newForks, refinement);
  }

  /** The same point with another ending, for failures found outside the measuring process. */
  public PointResult failed(PointStatus newStatus, String newMessage, double seconds) {
    return new PointResult(variantId, baseline, modality, preset, input, config, length, lengthUnit, batch, mode, deviceId,
        newStatus, List.of(), parameters, notes, newMessage, seconds, forks, refinement);
  }
}
