package attnprof.engine.result;

import attnprof.api.Mode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one point of a sweep measures: which model (the variant, its preset and every parameter's resolved value),
 * on which input and length, in which mode and batch, on which device. Every ending of the point, measured or
 * failed, carries it, so a point that never reported back still says what it was.
 *
 * @param variant the variant id
 * @param baseline the variant's baseline id, empty for a vanilla variant
 * @param modality the variant's modality
 * @param preset the preset its configuration started from
 * @param config every parameter's resolved value
 * @param input {@code synthetic}, or the name of the real input file
 * @param length the input length, in {@code lengthUnit}; positive infinity for a streaming point's unlimited left
 *     context
 * @param lengthUnit the unit of lengths: tokens, seconds or pixels
 * @param batch inputs per step
 * @param mode inference, training or streaming
 * @param device the device id
 * @param refinement whether the point was added after the grid to narrow a tipping point down
 */
public record PointSpec(String variant, String baseline, String modality, String preset, Map<String, String> config,
    String input, double length, String lengthUnit, int batch, Mode mode, String device, boolean refinement) {

  public PointSpec {
    Objects.requireNonNull(variant, "variant");
    baseline = Objects.requireNonNullElse(baseline, "");
    modality = Objects.requireNonNullElse(modality, "");
    preset = Objects.requireNonNullElse(preset, "");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
    input = input == null || input.isEmpty() ? SYNTHETIC : input;
    lengthUnit = Objects.requireNonNullElse(lengthUnit, "");
    Objects.requireNonNull(mode, "mode");
    device = Objects.requireNonNullElse(device, "");
  }

  /** The input of a point that profiles generated inputs rather than a file. */
  public static final String SYNTHETIC = "synthetic";

  /** A short label, as progress and logs name points: {@code text/bert 512 inference b1}. */
  public String label() {
    return variant + " " + Lengths.exact(length) + " " + mode.id() + " b" + batch;
  }

  /** The same point at another length. */
  public PointSpec atLength(double newLength) {
    return new PointSpec(variant, baseline, modality, preset, config, input, newLength, lengthUnit, batch, mode, device,
        refinement);
  }

  /** The same point, added after the grid to narrow a tipping point down. */
  public PointSpec asRefinement() {
    return new PointSpec(variant, baseline, modality, preset, config, input, length, lengthUnit, batch, mode, device,
        true);
  }
}
