package attnprof.engine.internal.sweep;

import attnprof.api.Mode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a process needs to measure one point, and nothing it must share with the sweep: sent
 * to a child JVM as JSON.
 *
 * @param index the point's position in the sweep, from 0
 * @param variantId the variant
 * @param preset the preset
 * @param params the user's parameter overrides
 * @param length the input length in the modality's unit
 * @param batch inputs per step
 * @param mode inference or training
 * @param deviceId the device
 * @param threads TensorFlow's op threads, 0 for its default
 * @param metrics the ids of the metrics to measure
 * @param runs timed runs
 * @param warmup untimed runs before them
 * @param seed the seed of weights and synthetic inputs
 * @param inputFile a real input to profile, or null for synthetic inputs
 * @param pluginsFolder the plugins folder the sweep loaded, or null
 * @param traceDirectory where to write the point's traced step as a Chrome trace, or null
 */
public record PointJob(
    int index,
    String variantId,
    String preset,
    Map<String, String> params,
    double length,
    int batch,
    Mode mode,
    String deviceId,
    int threads,
    List<String> metrics,
    int runs,
    int warmup,
    long seed,
    String inputFile,
    String pluginsFolder,
    String traceDirectory) {

  public PointJob {
    Objects.requireNonNull(variantId, "variantId");
    Objects.requireNonNull(preset, "preset");
    params = Map.copyOf(params);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(deviceId, "deviceId");
    metrics = List.copyOf(metrics);
  }

  /** The same point at another position in the sweep. */
  public PointJob withIndex(int newIndex) {
    return new PointJob(newIndex, variantId, preset, params, length, batch, mode, deviceId, threads, metrics, runs,
        warmup, seed, inputFile, pluginsFolder, traceDirectory);
  }

  /**
   * What makes the point one point of its sweep, whatever its position: variant, input, length, mode
   * and batch. The results database stores each key of a run once.
   */
  public String key() {
    return variantId + "|" + (inputFile == null ? "synthetic" : inputFile) + "|" + formatLength(length) + "|"
        + mode.id() + "|" + batch;
  }

  /** A name for the point's files (logs, traces): {@code text_bert-512-inference-b1}. */
  public String fileName() {
    String input = inputFile == null ? "" : "-" + java.nio.file.Path.of(inputFile).getFileName();
    return (variantId + input + "-" + formatLength(length) + "-" + mode.id() + "-b" + batch)
        .replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** A short label for progress and log files: {@code text/bert 512 inference b1}. */
  public String label() {
    return variantId + " " + formatLength(length) + " " + mode.id() + " b" + batch;
  }

  /** A length without a trailing {@code .0} when it is whole. */
  public static String formatLength(double length) {
    return length == Math.rint(length) ? String.valueOf((long) length) : String.valueOf(length);
  }
}
