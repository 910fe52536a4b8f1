package attnprof.plugin.text;

import attnprof.api.Modality;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.DescribedVariant;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code text/nystromformer}: Nyström-approximated softmax attention through segment-mean landmarks. */
public final class NystromformerVariant extends DescribedVariant {
  static final String LANDMARKS = "landmarks";
  static final String PINV_ITERATIONS = "pinv_iterations";
  static final String CONV_KERNEL = "conv_kernel";
  private static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("text/nystromformer", "Nyströmformer",
      Modality.TEXT, BertVariant.ID,
      "Xiong, Zeng, Chakraborty, Tan, Fung, Li, Singh: Nyströmformer: A Nyström-Based Algorithm for "
          + "Approximating Self-Attention, AAAI 2021",
      "softmax attention approximated through m segment-mean landmarks and an iterative pseudo-inverse, "
          + "O(n x m), plus a depthwise convolution skip on the values",
      List.of(
          new Preset(Preset.TINY, "2 layers of width 32, 8 landmarks, for tests",
              Preset.values(TextParameters.tiny(), LANDMARKS, "8", PINV_ITERATIONS, "6", CONV_KERNEL, "9")),
          new Preset(Preset.SMALL, "BERT's small body with 64 landmarks: differences come from the attention alone",
              Preset.values(TextParameters.small(), LANDMARKS, "64", PINV_ITERATIONS, "6", CONV_KERNEL, "65")),
          new Preset(Preset.BASE, "nystromformer-512: BERT-base sizes, 30000-token vocabulary, 64 landmarks, kernel 65",
              Preset.values(TextParameters.encoder(30000, 512, 2, 12, 768, 12, 3072, false),
                  LANDMARKS, "64", PINV_ITERATIONS, "6", CONV_KERNEL, "65"))),
      TextParameters.plus(
          ParameterSpec.integer(LANDMARKS, 1, "landmarks: segment means of queries and keys (fewer when the input is shorter)"),
          ParameterSpec.integer(PINV_ITERATIONS, 1, "iterations of the Moore-Penrose pseudo-inverse"),
          ParameterSpec.integer(CONV_KERNEL, 0, "kernel of the depthwise convolution skip on the values; 0 for none")));

  public NystromformerVariant() {
    super(DESCRIPTOR);
  }

  @Override
  public void check(ModelConfig config) {
    config.requireMultiple(TextParameters.WIDTH, TextParameters.HEADS);
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(new NystromAttention(config.integer(TextParameters.HEADS), config.integer(LANDMARKS),
        config.integer(PINV_ITERATIONS), config.integer(CONV_KERNEL)));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    long heads = config.integer(TextParameters.HEADS);
    long landmarks = config.integer(LANDMARKS);
    List<String> notes = new ArrayList<>();
    if (landmarks > request.wholeLength()) {
      notes.add("landmarks cut from " + landmarks + " to the " + request.wholeLength() + " tokens of the input");
    }
    return TextEncoder.build(tf, request, layer -> new NystromAttention(heads, landmarks,
        config.integer(PINV_ITERATIONS), config.integer(CONV_KERNEL)), notes);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("landmarks are means of contiguous segments of near-equal size, so any length works without padding",
        "no pooler in the published model; the training head reads the first token");
  }
}
