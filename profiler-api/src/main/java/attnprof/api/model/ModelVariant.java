package attnprof.api.model;

import attnprof.api.Mode;

import attnprof.api.ProfilerException;
import org.tensorflow.op.Ops;

/**
 * A model architecture that attnprof can build and profile: a vanilla Transformer or an efficient
 * variant of one.
 *
 * <p>Declared by a plugin with {@code provides attnprof.api.model.ModelVariant with ...}. The engine
 * instantiates it once per process with its public no-argument constructor (or a public static
 * {@code provider()} method); the constructor must be cheap and must not touch TensorFlow.
 *
 * <p>Thread safety: {@link #descriptor()} may be called from any thread; {@link #build} is called
 * from one thread at a time, each time with a fresh graph.
 *
 * @since API 1
 */
public interface ModelVariant {

  /** What this variant is; the same value on every call. */
  VariantDescriptor descriptor();

  /**
   * Builds the model into the graph behind {@code tf}: its placeholders, weights (as variables
   * with initialisers), forward output and training loss. Every op is placed under a name scope
   * segment from {@link Component} that says which component it belongs to.
   *
   * <p>A length the model cannot take as it is (not a multiple of a block size, say) is padded,
   * and the padding is said in {@link BuiltModel#notes()}.
   *
   * @param tf the graph's op factory, already placed on the device being profiled
   * @param request configuration, batch size, length, mode and seed
   * @throws ProfilerException a user error when the request cannot be built at all (a parameter
   *     combination the architecture does not allow), with the reason
   */
  BuiltModel build(Ops tf, BuildRequest request);

  /**
   * Checks, without building anything, that this configuration can be built: the sweep calls it for
   * every variant before its first point, so that a combination the architecture does not allow is
   * refused at once rather than failing every point. Must be cheap. The default accepts everything
   * the parameters' own bounds accept.
   *
   * @throws ProfilerException a user error naming the parameter and what it must be
   *
   * @since API 2
   */
  default void check(ModelConfig config) {
  }

  /**
   * The token mixer of this variant's layers in a configuration, for checks that need it alone (the
   * conformance suite checks that padding cannot reach a real token through it): every other part of a
   * Transformer layer works token by token. Empty (the default) when the layers have no single mixer of
   * token sequences, such as a windowed vision model's.
   *
   * @since API 2
   */
  default java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.empty();
  }


  /**
   * The length this configuration computes on for an input of {@code length}: larger when the model
   * pads its whole input (to a whole number of patches, windows, blocks), the length itself when it
   * does not. Two lengths with the same padded length cost the same, so a sweep that narrows a tipping
   * point down measures only one of them. Called in the sweep's process, without building anything;
   * must be cheap. The default pads nothing.
   */
  default double paddedLength(ModelConfig config, double length) {
    return length;
  }

  /**
   * The length this configuration computes on for an input of {@code length} in a mode: the two-argument
   * {@code paddedLength} unless the mode's length means something else (a streaming point's left context is
   * taken as whole chunks). Must be cheap, as that one.
   *
   * @since API 3
   */
  default double paddedLength(ModelConfig config, double length, Mode mode) {
    return paddedLength(config, length);
  }

  /**
   * The lengths of a default sweep of this variant's family, when they are not its modality's
   * ({@code InputDescriptor.defaultLengths()}): for a family built for longer or shorter inputs.
   * Declared by the family's baseline; a sweep given no lengths measures every variant at its
   * baseline's grid (a baseline's own when it has one, else the modality's), so a variant and its
   * baseline always share their lengths. Must be cheap. The default, empty, means the modality's grid.
   */
  default java.util.List<Double> defaultLengths() {
    return java.util.List.of();
  }

  /**
   * The modes this variant runs in: {@code inference} and {@code training} unless it says more. A variant
   * that runs in {@link Mode#STREAMING} builds, for that mode, one chunk of a stream with a
   * {@link StreamingStep}. A sweep asks each variant only for the modes it runs in, and refuses a mode no
   * variant of it runs in.
   *
   * @since API 3
   */
  default java.util.Set<Mode> modes() {
    return java.util.EnumSet.of(Mode.INFERENCE, Mode.TRAINING);
  }

  /**
   * The lengths of a default sweep of this variant's family in a mode: {@link #defaultLengths()} unless the
   * mode measures another axis (the {@code streaming} mode's length is a left context). Declared by the
   * family's baseline, as {@link #defaultLengths()}.
   *
   * @since API 3
   */
  default java.util.List<Double> defaultLengths(Mode mode) {
    return defaultLengths();
  }

  /**
   * Describes how this configuration is built, one fact a line (for {@code describe}): the
   * published facts it follows and the choices made where the paper is silent. The default
   * says nothing beyond the parameters.
   */
  default java.util.List<String> notes(ModelConfig config) {
    return java.util.List.of();
  }
}
