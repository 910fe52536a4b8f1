package attnprof.plugin.text;

import attnprof.api.ProfilerException;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.BandedAttention;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code text/longformer}: sliding-window plus global attention, linear in length. */
public final class LongformerVariant extends TextMixerVariant {
  static final String WINDOW = "window";
  static final String GLOBAL_TOKENS = "global_tokens";
  static final String PAD_INPUT = "pad_input";
  private static final VariantDescriptor DESCRIPTOR = againstBert("text/longformer", "Longformer",
      "Beltagy, Peters, Cohan: Longformer: The Long-Document Transformer, arXiv 2004.05150, 2020",
      "each token attends to a window of neighbours (window/2 each side), computed blockwise in O(n x window); "
          + "the first token(s) attend globally with their own projections",
      TextParameters.presets("window 16", own(16), "window 128", own(128),
          "longformer-base-4096: a RoBERTa-base body, window 512 in every layer",
          TextParameters.encoder(50265, 4098, 1, 12, 768, 12, 3072, true), own(512)),
      ParameterSpec.integer(WINDOW, 2, "attention window in tokens, both sides together (window/2 each side)"),
      ParameterSpec.integer(GLOBAL_TOKENS, 0, "leading tokens with global attention (the [CLS] token)"),
      ParameterSpec.flag(PAD_INPUT, "1: pad the whole input to a multiple of the window before the "
          + "embeddings, as the reference model does; 0: attnprof's own unpadded form, padding only inside "
          + "the attention"));

  /** Longformer's own values of a preset: a window, the [CLS] token global, the whole input padded. */
  private static String[] own(int window) {
    return new String[] {WINDOW, String.valueOf(window), GLOBAL_TOKENS, "1", PAD_INPUT, "1"};
  }

  public LongformerVariant() {
    super(DESCRIPTOR);
  }

  @Override
  protected TokenMixer mixer(ModelConfig config) {
    return new LongformerAttention(heads(config), config.integer(WINDOW) / 2, config.integer(GLOBAL_TOKENS));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    long window = config.integer(WINDOW);
    if (window % 2 != 0) {
      throw ProfilerException.user("text/longformer needs an even window (window/2 tokens each side), got " + window);
    }
    List<String> notes = new ArrayList<>();
    int tokens = request.wholeLength();
    int padded = (int) paddedLength(config, tokens);
    if (padded != tokens) {
      notes.add("input padded " + tokens + " -> " + padded + " tokens before the embeddings, to a multiple of the "
          + "window, as LongformerModel._pad_to_window_size does; every layer runs on " + padded
          + " tokens (padding is masked)");
    }
    BandedAttention layout = new BandedAttention(padded, tokens, window / 2, config.integer(GLOBAL_TOKENS));
    if (layout.paddedTokens() != padded) {
      notes.add("attention pads " + padded + " to " + layout.paddedTokens()
          + " tokens in each layer: whole blocks of " + layout.blockSize() + " (padding is masked)");
    }
    return TextEncoder.build(tf, request, layer -> mixer(config), notes, padded);
  }

  /** A multiple of the window when the whole input is padded, else the length itself. */
  @Override
  public double paddedLength(ModelConfig config, double length) {
    if (config.integer(PAD_INPUT) == 0) {
      return length;
    }
    long window = config.integer(WINDOW);
    return Math.ceil(Math.ceil(length) / window) * window;
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("window " + config.integer(WINDOW) + " = " + config.integer(WINDOW) / 2
            + " tokens on each side of a token, in every layer",
        "global tokens' keys join every token's softmax and leave its window; their own rows use *_global projections",
        config.integer(PAD_INPUT) == 0
            ? "pad_input=0: attnprof's own unpadded form (the reference model pads every input to a multiple of the "
                + "window); only the attention pads, to whole blocks"
            : "the whole input is padded to a multiple of the window before the embeddings, as the reference "
                + "model does: inputs below " + config.integer(WINDOW) + " tokens cost what " + config.integer(WINDOW)
                + " cost");
  }
}
