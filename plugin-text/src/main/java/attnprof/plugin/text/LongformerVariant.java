package attnprof.plugin.text;

import attnprof.api.Modality;
import attnprof.api.ProfilerException;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.DescribedVariant;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import attnprof.api.nn.BandedAttention;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code text/longformer}: sliding-window plus global attention, linear in length. */
public final class LongformerVariant extends DescribedVariant {
  static final String WINDOW = "window";
  static final String GLOBAL_TOKENS = "global_tokens";
  static final String PAD_INPUT = "pad_input";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("text/longformer", "Longformer",
      Modality.TEXT, BertVariant.ID,
      "Beltagy, Peters, Cohan: Longformer: The Long-Document Transformer, arXiv 2004.05150, 2020",
      "each token attends to a window of neighbours (window/2 each side), computed blockwise in O(n x window); "
          + "the first token(s) attend globally with their own projections",
      List.of(
          new Preset(Preset.TINY, "2 layers of width 32, window 16, for tests",
              Preset.values(TextParameters.tiny(), WINDOW, "16", GLOBAL_TOKENS, "1", PAD_INPUT, "1")),
          new Preset(Preset.SMALL, "BERT's small body with window 128: differences come from the attention alone",
              Preset.values(TextParameters.small(), WINDOW, "128", GLOBAL_TOKENS, "1", PAD_INPUT, "1")),
          new Preset(Preset.BASE, "longformer-base-4096: a RoBERTa-base body, window 512 in every layer",
              Preset.values(TextParameters.encoder(50265, 4098, 1, 12, 768, 12, 3072, true),
                  WINDOW, "512", GLOBAL_TOKENS, "1", PAD_INPUT, "1"))),
      TextParameters.plus(
          ParameterSpec.integer(WINDOW, 2, "attention window in tokens, both sides together (window/2 each side)"),
          ParameterSpec.integer(GLOBAL_TOKENS, 0, "leading tokens with global attention (the [CLS] token)"),
          ParameterSpec.flag(PAD_INPUT, "1: pad the whole input to a multiple of the window before the "
              + "embeddings, as the reference model does; 0: attnprof's own unpadded form, padding only inside "
              + "the attention")));

  public LongformerVariant() {
    super(DESCRIPTOR);
  }

  @Override
  public void check(ModelConfig config) {
    config.requireMultiple(TextParameters.WIDTH, TextParameters.HEADS);
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(new LongformerAttention(config.integer(TextParameters.HEADS), config.integer(WINDOW) / 2,
        config.integer(GLOBAL_TOKENS)));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    long heads = config.integer(TextParameters.HEADS);
    long window = config.integer(WINDOW);
    if (window % 2 != 0) {
      throw ProfilerException.user("text/longformer needs an even window (window/2 tokens each side), got " + window);
    }
    long oneSided = window / 2;
    long globalTokens = config.integer(GLOBAL_TOKENS);
    List<String> notes = new ArrayList<>();
    int tokens = request.wholeLength();
    int padded = (int) paddedLength(config, tokens);
    if (padded != tokens) {
      notes.add("input padded " + tokens + " -> " + padded + " tokens before the embeddings, to a multiple of the "
          + "window, as LongformerModel._pad_to_window_size does; every layer runs on " + padded
          + " tokens (padding is masked)");
    }
    BandedAttention layout = new BandedAttention(padded, tokens, oneSided, globalTokens);
    if (layout.paddedTokens() != padded) {
      notes.add("attention pads " + padded + " to " + layout.paddedTokens()
          + " tokens in each layer: whole blocks of " + layout.blockSize() + " (padding is masked)");
    }
    return TextEncoder.build(tf, request, layer -> new LongformerAttention(heads, oneSided, globalTokens), notes,
        padded);
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
