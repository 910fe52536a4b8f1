package attnprof.plugin.speech.brq;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.Modality;
import attnprof.api.model.DescribedVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.TokenMixer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.op.Ops;

/**
 * A member of the BEST-RQ Conformer family: {@link BrqConformer} with one mixer, at the width the
 * study gave that mixer so that the family's parameter counts match.
 */
public abstract class BrqVariant extends DescribedVariant {
  /** The family's default grid, in seconds: the study measured 10 to 80 s. */
  public static final List<Double> DEFAULT_SECONDS = List.of(10.0, 20.0, 40.0, 80.0);

  private final Function<ModelConfig, TokenMixer> mixerOf;
  private final BrqConformer.Positions positions;
  private final Function<ModelConfig, List<String>> mixerNotes;
  private final List<String> headSizes;

  /**
   * @param headSizes the mixer's own parameters that are cut into heads, so must be multiples of them
   */
  BrqVariant(VariantDescriptor descriptor, Function<ModelConfig, TokenMixer> mixerOf,
      BrqConformer.Positions positions, Function<ModelConfig, List<String>> mixerNotes, String... headSizes) {
    super(descriptor);
    this.headSizes = List.of(headSizes);
    this.mixerOf = mixerOf;
    this.positions = positions;
    this.mixerNotes = mixerNotes;
  }

  /**
   * The descriptor of the Conformer with another mixer, compared with {@code speech/brq-mhsa}: its presets and the
   * Conformer's parameters followed by the mixer's.
   */
  static VariantDescriptor againstMhsa(String id, String displayName, String paper, String summary,
      List<Preset> presets, List<ParameterSpec> mixerParameters) {
    return new VariantDescriptor(id, displayName, Modality.SPEECH, BrqMhsaVariant.ID, paper, summary, presets,
        BrqConformer.plus(mixerParameters));
  }

  @Override
  public final void check(ModelConfig config) {
    if (!descriptor().id().equals(BrqMambaVariant.ID)) { // Mamba has no heads
      config.requireMultiple(WIDTH, HEADS);
    }
    for (String perHead : headSizes) {
      config.requireMultiple(perHead, HEADS);
    }
    if (config.integer(BrqConformer.CONV_KERNEL) % 2 == 0) {
      throw attnprof.api.ProfilerException.user("parameter `" + BrqConformer.CONV_KERNEL + "` must be odd for "
          + "\"same\" padding, got " + config.integer(BrqConformer.CONV_KERNEL));
    }
    attnprof.api.model.AttentionParameters.check(config);
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(mixerOf.apply(config));
  }

  @Override
  public final BuiltModel build(Ops tf, BuildRequest request) {
    TokenMixer mixer = mixerOf.apply(request.config());
    return BrqConformer.build(tf, request, layer -> mixer, positions, List.of());
  }

  @Override
  public final List<Double> defaultLengths() {
    return DEFAULT_SECONDS;
  }

  @Override
  public final List<String> notes(ModelConfig config) {
    List<String> notes = new ArrayList<>(BrqConformer.notes(config));
    notes.addAll(mixerNotes.apply(config));
    return notes;
  }
}
