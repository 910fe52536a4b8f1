package attnprof.plugin.speech;

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
abstract class BrqVariant implements ModelVariant {
  /** The family's default grid, in seconds: the study measured 10 to 80 s. */
  static final List<Double> DEFAULT_SECONDS = List.of(10.0, 20.0, 40.0, 80.0);

  private final VariantDescriptor descriptor;
  private final Function<ModelConfig, TokenMixer> mixerOf;
  private final BrqConformer.Positions positions;
  private final Function<ModelConfig, List<String>> mixerNotes;

  BrqVariant(VariantDescriptor descriptor, Function<ModelConfig, TokenMixer> mixerOf,
      BrqConformer.Positions positions, Function<ModelConfig, List<String>> mixerNotes) {
    this.descriptor = descriptor;
    this.mixerOf = mixerOf;
    this.positions = positions;
    this.mixerNotes = mixerNotes;
  }

  @Override
  public final VariantDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public final BuiltModel build(Ops tf, BuildRequest request) {
    return BrqConformer.build(tf, request, mixerOf, positions, List.of());
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
