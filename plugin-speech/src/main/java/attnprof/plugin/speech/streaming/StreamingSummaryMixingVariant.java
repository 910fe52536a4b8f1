package attnprof.plugin.speech.streaming;

import attnprof.plugin.speech.mixers.FastSummaryMixing;
import attnprof.api.Modality;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.Activation;
import java.util.List;

/**
 * {@code speech/streaming-summarymixing}: the streaming recipe's Conformer with SummaryMixing-fast. Streaming,
 * the summary of each chunk is a running mean: the sum and count of the summary branch over the left context,
 * kept from chunk to chunk, so a chunk costs the same whatever the left context.
 */
public final class StreamingSummaryMixingVariant extends StreamingVariant {
  static final String ID = "speech/streaming-summarymixing";
  static final String LOCAL_OUT = "local_out";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, "Streaming SummaryMixing",
      Modality.SPEECH, StreamingMhsaVariant.ID, PAPER,
      "a chunked Conformer with SummaryMixing: each frame combined with the mean of a transformed sequence over "
          + "what it sees, kept as a running sum while streaming: constant cost per chunk",
      StreamingConformer.presets("SummaryMixing", new String[] {LOCAL_OUT, "32"}, new String[] {LOCAL_OUT, "256"},
          new String[] {LOCAL_OUT, "512"}),
      StreamingConformer.plus(List.of(ParameterSpec.integer(LOCAL_OUT, 1,
          "width of each branch of SummaryMixing-fast (local_proj_out_dim)"))));

  public StreamingSummaryMixingVariant() {
    super(DESCRIPTOR, config -> new FastSummaryMixing(config.integer(LOCAL_OUT), Activation.SILU),
        config -> List.of("SummaryMixing-fast (the recipe's mode): global_proj to 2 x " + config.integer(LOCAL_OUT)
            + " split into the local and summary branches, the summary averaged over the frames each frame sees, "
            + "summary_local_merging back to the width; Swish, the Conformer layer's activation; streaming, a "
            + "running sum and count (with a limited left context, one sum per chunk of it, to drop the oldest)"));
  }
}
