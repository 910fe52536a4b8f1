package attnprof.engine.internal.point;

import attnprof.engine.result.Lengths;
/**
 * One point of a plan file, as a scheduler and a person read it.
 *
 * @param id a stable id: a hash of the point's resolved configuration, its measuring settings, the device
 *     and the attnprof version (the same point planned again gets the same id)
 * @param key the point's key in a run, as the results database stores it
 * @param index the point's position in the sweep
 * @param variant the variant
 * @param length the input length, in {@code lengthUnit}
 * @param lengthUnit tokens, seconds or pixels
 * @param mode inference or training
 * @param batch inputs per step
 * @param input {@code synthetic} or the real input's file name
 * @param config the variant's every parameter, resolved from its preset and the sweep's overrides
 * @param cell the group of points measured side by side (a length's variants), which a shard keeps whole
 * @param predictedSeconds how long measuring the point (all its forks) should take
 */
public record PlannedPoint(String id, String key, int index, String variant, double length, String lengthUnit,
    String mode, int batch, String input, java.util.Map<String, String> config, int cell, double predictedSeconds) {

  /** A short label, as progress shows points: {@code text/bert 512 inference b1}. */
  public String label() {
    return variant + " " + Lengths.exact(length) + " " + mode + " b" + batch;
  }
}
