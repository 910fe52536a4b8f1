package attnprof.plugin.speech.streaming;

import attnprof.api.model.DescribedVariant;
import attnprof.plugin.speech.brq.BrqVariant;
import attnprof.api.Mode;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.VariantDescriptor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.op.Ops;

/**
 * A member of the streaming Conformer family ({@link StreamingConformer}): offline on a whole utterance, and
 * chunk by chunk in the {@code streaming} mode.
 */
abstract class StreamingVariant extends DescribedVariant {
  /** The offline grid, in seconds of audio: the BEST-RQ family's. */
  static final List<Double> OFFLINE_SECONDS = BrqVariant.DEFAULT_SECONDS;
  /**
   * The streaming grid: left contexts of 2 to 32 chunks of 640 ms, the range Dynamic Chunk Training samples
   * in the recipe, in seconds; and unlimited (every chunk before), where SummaryMixing's running sum still
   * costs the same and attention has no steady state.
   */
  static final List<Double> LEFT_CONTEXT_SECONDS = List.of(1.28, 2.56, 5.12, 10.24, 20.48, Double.POSITIVE_INFINITY);
  /** The paper. */
  static final String PAPER = "Parcollet, Zhang, van Dalen, Bhattacharya et al.: Linear Time Complexity Conformers "
      + "with SummaryMixing for Streaming Speech Recognition, 2024 (SamsungLabs/SummaryMixing)";

  private final Function<ModelConfig, StreamingMixer> mixerOf;
  private final Function<ModelConfig, List<String>> mixerNotes;

  StreamingVariant(VariantDescriptor descriptor, Function<ModelConfig, StreamingMixer> mixerOf,
      Function<ModelConfig, List<String>> mixerNotes) {
    super(descriptor);
    this.mixerOf = mixerOf;
    this.mixerNotes = mixerNotes;
  }


  @Override
  public final Set<Mode> modes() {
    return EnumSet.of(Mode.INFERENCE, Mode.TRAINING, Mode.STREAMING);
  }

  @Override
  public void check(ModelConfig config) {
    StreamingConformer.check(config);
  }

  @Override
  public final BuiltModel build(Ops tf, BuildRequest request) {
    return StreamingConformer.build(tf, request, mixerOf.apply(request.config()), List.of());
  }

  /** A streaming point's left context is whole chunks: the lengths that round to the same chunks cost the same. */
  @Override
  public final double paddedLength(ModelConfig config, double length, Mode mode) {
    if (mode != Mode.STREAMING || Double.isInfinite(length)) {
      return length;
    }
    return StreamingConformer.leftChunks(config, length) * config.integer(StreamingConformer.CHUNK) / 1000.0;
  }

  @Override
  public final List<Double> defaultLengths() {
    return OFFLINE_SECONDS;
  }

  @Override
  public final List<Double> defaultLengths(Mode mode) {
    return mode == Mode.STREAMING ? LEFT_CONTEXT_SECONDS : OFFLINE_SECONDS;
  }

  @Override
  public final List<String> notes(ModelConfig config) {
    List<String> notes = new ArrayList<>(StreamingConformer.notes(config));
    notes.addAll(mixerNotes.apply(config));
    return notes;
  }
}
