package attnprof.engine.internal.point;

import attnprof.engine.result.Lengths;
import attnprof.api.Mode;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep, resolved by the sweep before any process measures it: which variant, what it
 * is compared with, in which unit its length is, with which configuration. Every ending of the point,
 * measured or failed, is built from it, so a point that never reported back still says what it was.
 * Sent to a child JVM as JSON.
 *
 * @param index the point's position in the sweep, from 0
 * @param variantId the variant
 * @param baseline the variant's baseline, empty for a vanilla variant
 * @param modality the variant's modality
 * @param lengthUnit the unit of its lengths (tokens, seconds, pixels)
 * @param preset the preset
 * @param params the user's parameter overrides
 * @param config every parameter's resolved value
 * @param length the input length in the modality's unit
 * @param batch inputs per step
 * @param mode inference or training
 * @param deviceId the device
 * @param threads TensorFlow's op threads, 0 for its default
 * @param metrics the ids of the metrics to measure
 * @param seed the seed of weights and synthetic inputs
 * @param inputFile a real input to profile, or null for synthetic inputs
 * @param pluginsFolder the plugins folder the sweep loaded, or null
 * @param traceDirectory where to write the point's traced step as a Chrome trace, or null
 * @param refinement whether the point was added after the grid to narrow a tipping point down
 */
public record PointJob(
    int index,
    String variantId,
    String baseline,
    String modality,
    String lengthUnit,
    String preset,
    Map<String, String> params,
    Map<String, String> config,
    double length,
    int batch,
    Mode mode,
    String deviceId,
    int threads,
    List<String> metrics,
    long seed,
    String inputFile,
    String pluginsFolder,
    String traceDirectory,
    boolean refinement) {

  public PointJob {
    Objects.requireNonNull(variantId, "variantId");
    baseline = Objects.requireNonNullElse(baseline, "");
    modality = Objects.requireNonNullElse(modality, "");
    lengthUnit = Objects.requireNonNullElse(lengthUnit, "");
    Objects.requireNonNull(preset, "preset");
    params = Map.copyOf(params);
    config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(deviceId, "deviceId");
    metrics = List.copyOf(metrics);
  }

  /** The same point at another position in the sweep. */
  public PointJob withIndex(int newIndex) {
    return new PointJob(newIndex, variantId, baseline, modality, lengthUnit, preset, params, config, length, batch,
        mode, deviceId, threads, metrics, seed, inputFile, pluginsFolder, traceDirectory, refinement);
  }

  /** The same point, added after the grid to narrow a tipping point down. */
  public PointJob asRefinement() {
    return new PointJob(index, variantId, baseline, modality, lengthUnit, preset, params, config, length, batch,
        mode, deviceId, threads, metrics, seed, inputFile, pluginsFolder, traceDirectory, true);
  }

  /** The same point measuring other metrics. */
  public PointJob withMetrics(List<String> newMetrics) {
    return new PointJob(index, variantId, baseline, modality, lengthUnit, preset, params, config, length, batch,
        mode, deviceId, threads, newMetrics, seed, inputFile, pluginsFolder, traceDirectory, refinement);
  }

  /**
   * What makes the point one point of its sweep, whatever its position: variant, input, length, mode
   * and batch. The results database stores each key of a run once.
   */
  public String key() {
    return variantId + "|" + (inputFile == null ? "synthetic" : inputFile) + "|" + Lengths.exact(length) + "|"
        + mode.id() + "|" + batch;
  }

  /** A name for the point's files (logs, traces): {@code text_bert-512-inference-b1}. */
  public String fileName() {
    String input = inputFile == null ? "" : "-" + java.nio.file.Path.of(inputFile).getFileName();
    return (variantId + input + "-" + Lengths.exact(length) + "-" + mode.id() + "-b" + batch)
        .replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** A short label for progress and log files: {@code text/bert 512 inference b1}. */
  public String label() {
    return variantId + " " + Lengths.exact(length) + " " + mode.id() + " b" + batch;
  }

  /**
   * The point ended without measurements: the status and message say how, everything else what the
   * point was.
   */
  public PointResult failed(PointStatus status, String message, double seconds) {
    return new PointResult(variantId, baseline, modality, preset, inputName(), config, length, lengthUnit, batch, mode,
        deviceId, status, List.of(), 0, List.of(), message, seconds, List.of(), refinement);
  }

  /** {@code synthetic}, or the real input file's name. */
  public String inputName() {
    return inputFile == null ? "synthetic" : java.nio.file.Path.of(inputFile).getFileName().toString();
  }
}
