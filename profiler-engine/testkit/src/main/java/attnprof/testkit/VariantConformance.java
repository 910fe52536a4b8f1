package attnprof.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import attnprof.api.Mode;
import attnprof.api.input.InputGenerator;
import attnprof.api.model.Component;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.Preset;
import attnprof.engine.Profiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance suite every variant passes, built-in or a plugin's, as JUnit 5 dynamic tests on the
 * {@code tiny} preset. A plugin's test runs it in a few lines:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> conformance() {
 *   return VariantConformance.of("text/linear-attention").tests();
 * }
 * }</pre>
 *
 * <p>It checks, through the engine's own evaluation ({@link ModelEvaluator}) and registry: the variant
 * builds and runs at a few lengths, including lengths its model pads; its output grows with the batch and is
 * finite; the same seed gives the same output and another seed another; its token mixer
 * ({@link attnprof.api.model.ModelVariant#tokenMixer}, the only part of a layer that mixes tokens) gives the
 * real tokens the same outputs whatever the padding holds; training steps lower the loss;
 * every op that computes is under a component scope; its FLOPs are counted with no op left uncounted, in both
 * modes; and the parameter count {@code describe} reports equals what the variables hold.
 */
public final class VariantConformance {
  private static final long SEED = 11;

  private final Profiler profiler;
  private final ModelVariant variant;
  private final InputGenerator inputs;
  private final List<Double> lengths;

  private VariantConformance(Profiler profiler, ModelVariant variant, List<Double> lengths) {
    this.profiler = profiler;
    this.variant = variant;
    this.inputs = profiler.registry().inputFor(variant.descriptor().modality());
    this.lengths = lengths.isEmpty() ? defaultLengths(inputs.descriptor().lengthUnit()) : List.copyOf(lengths);
  }

  /** The suite of a variant the engine finds (on the module path, or composed from a mixer). */
  public static VariantConformance of(String variantId) {
    return of(Profiler.builder().build(), variantId);
  }

  /** The suite of a variant of this profiler. */
  public static VariantConformance of(Profiler profiler, String variantId) {
    return new VariantConformance(profiler, profiler.registry().variant(variantId), List.of());
  }

  /** The same suite at other lengths (the first is used for the checks that need one length). */
  public VariantConformance lengths(double... values) {
    return new VariantConformance(profiler, variant,
        java.util.Arrays.stream(values).boxed().toList());
  }

  /** Short lengths of each modality's unit, some of which models pad (an odd number of tokens, 40 pixels). */
  private static List<Double> defaultLengths(String unit) {
    return switch (unit) {
      case "tokens" -> List.of(16.0, 7.0, 33.0);
      case "seconds" -> List.of(0.5, 0.8);
      case "pixels" -> List.of(32.0, 40.0);
      default -> List.of(16.0);
    };
  }

  /** The checks, one dynamic test each, named after what they check. */
  public Stream<DynamicTest> tests() {
    String id = variant.descriptor().id();
    ModelConfig config = ModelConfig.resolve(variant.descriptor(), Preset.TINY, Map.of());
    double length = lengths.get(0);
    List<DynamicTest> tests = new ArrayList<>();
    for (double each : lengths) {
      double padded = variant.paddedLength(config, each);
      tests.add(DynamicTest.dynamicTest(id + " builds and runs at " + each + (padded != each ? " (padded to "
          + padded + ")" : ""), () -> assertFinite(forward(config, 1, each, SEED))));
    }
    tests.add(DynamicTest.dynamicTest(id + ": a batch of 2 gives twice the outputs of 1", () -> {
      float[] one = forward(config, 1, length, SEED);
      assertThat(forward(config, 2, length, SEED)).hasSize(2 * one.length);
    }));
    tests.add(DynamicTest.dynamicTest(id + ": the same seed gives the same output, another seed another", () -> {
      float[] first = forward(config, 1, length, SEED);
      // built and run again, not taken from the outputs already computed
      assertThat(ModelEvaluator.forward(variant, config, 1, length, SEED, inputs)).containsExactly(first);
      assertThat(forward(config, 1, length, SEED + 1)).isNotEqualTo(first);
    }));
    tests.add(DynamicTest.dynamicTest(id + ": training steps lower the loss", () -> {
      float[] losses = ModelEvaluator.trainingLosses(variant, config, 2, length, SEED, inputs, 4);
      assertFinite(losses);
      assertThat(losses[losses.length - 1]).as("losses %s", java.util.Arrays.toString(losses))
          .isLessThan(losses[0]);
    }));
    tests.add(DynamicTest.dynamicTest(id + ": no real token's output depends on padding", () -> {
      java.util.Optional<attnprof.api.nn.TokenMixer> mixer = variant.tokenMixer(config);
      org.junit.jupiter.api.Assumptions.assumeTrue(mixer.isPresent() && config.values().containsKey("width"),
          id + " names no token mixer of its `width` (ModelVariant.tokenMixer): nothing to check padding on");
      PaddingCheck.assertPaddingIsIgnored(mixer.get(), Math.toIntExact(config.integer("width")));
    }));
    tests.add(DynamicTest.dynamicTest(id + ": every op that computes is under a component scope", () ->
        assertThat(ModelEvaluator.computingOutsideComponents(variant, config, 1, length)).isEmpty()));
    for (Mode mode : variant.modes()) {
      tests.add(DynamicTest.dynamicTest(id + ": FLOPs of a " + mode.id() + " step are counted, every op", () -> {
        Map<Component, Long> flops = ModelEvaluator.flops(variant, config, 1, length, mode);
        assertThat(flops.get(Component.ATTENTION)).as("attention FLOPs").isPositive();
      }));
    }
    if (variant.modes().contains(Mode.STREAMING)) {
      tests.add(DynamicTest.dynamicTest(id + ": a streaming chunk carries state to the next and has the offline "
          + "model's weights", () -> {
        ModelEvaluator.Streamed streamed = ModelEvaluator.streamed(variant, config, length, SEED, inputs, 2);
        streamed.outputs().forEach(VariantConformance::assertFinite);
        // the same chunk twice: the second sees the first in its state
        assertThat(streamed.outputs().get(1)).isNotEqualTo(streamed.outputs().get(0));
        assertThat(streamed.stateBytes()).isPositive();
        assertThat(streamed.parameters()).isEqualTo(ModelEvaluator.parameters(variant, config, length, Mode.INFERENCE));
      }));
    }
    tests.add(DynamicTest.dynamicTest(id + ": the reported parameter count is what the variables hold", () -> {
      var description = profiler.describe(id, Preset.TINY, Map.of());
      // at the length describe builds at: some models' weights depend on it (Swin's windows fit the image)
      assertThat(description.parameters())
          .isEqualTo(ModelEvaluator.variableElements(variant, config, 1, description.length()));
    }));
    return tests.stream();
  }

  /** Forward outputs already computed, by batch, length and seed: several checks share one. */
  private final Map<String, float[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

  private float[] forward(ModelConfig config, int batch, double length, long seed) {
    return outputs.computeIfAbsent(batch + "|" + length + "|" + seed,
        key -> ModelEvaluator.forward(variant, config, batch, length, seed, inputs)).clone();
  }

  private static void assertFinite(float[] values) {
    assertThat(values).isNotEmpty();
    for (float value : values) {
      assertThat(Float.isFinite(value)).as("every output is finite").isTrue();
    }
  }
}
