package attnprof.plugin.speech.streaming;

import attnprof.api.model.LayerParameters;
import static attnprof.api.model.LayerParameters.HEADS;

import attnprof.api.Modality;
import attnprof.api.model.AttentionParameters;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/**
 * {@code speech/streaming-mhsa}: the streaming recipe's Conformer with relative-position self-attention
 * (RelPosMHAXL), the family's baseline. Streaming, each chunk attends to itself and to the keys and values
 * of its left context, which it keeps.
 */
public final class StreamingMhsaVariant extends StreamingVariant {
  static final String ID = "speech/streaming-mhsa";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "Streaming MHSA", Modality.SPEECH, "",
      PAPER, "a chunked Conformer with relative-position multi-head self-attention over its chunk and left context: "
          + "its cost per chunk grows with the left context it keeps",
      StreamingConformer.presets("MHSA", AttentionParameters.defaultPairs(), AttentionParameters.defaultPairs(),
          AttentionParameters.defaultPairs()),
      StreamingConformer.plus(AttentionParameters.specs()));

  public StreamingMhsaVariant() {
    super(DESCRIPTOR, config -> StreamingMixer.attention(config.integer(HEADS), AttentionParameters.chunks(config)),
        config -> AttentionParameters.notes(config, List.of("the baseline of the family: SpeechBrain's RelPosMHAXL (the recipe's attention "
            + "alternative); streaming, a cache of the left context's keys and values per layer, relative positions "
            + "from each query of the chunk to every cached and current key")));
  }
}
