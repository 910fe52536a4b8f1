package attnprof.plugin.text;

import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.nn.TokenMixer;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.VariantDescriptor;
import java.util.List;
import org.tensorflow.op.Ops;

/** {@code text/nystromformer}: Nyström-approximated softmax attention through segment-mean landmarks. */
public final class NystromformerVariant extends TextMixerVariant {
  static final String LANDMARKS = "landmarks";
  static final String PINV_ITERATIONS = "pinv_iterations";
  static final String CONV_KERNEL = "conv_kernel";
  private static final VariantDescriptor DESCRIPTOR = againstBert("text/nystromformer", "Nyströmformer",
      "Xiong, Zeng, Chakraborty, Tan, Fung, Li, Singh: Nyströmformer: A Nyström-Based Algorithm for "
          + "Approximating Self-Attention, AAAI 2021",
      "softmax attention approximated through m segment-mean landmarks and an iterative pseudo-inverse, "
          + "O(n x m), plus a depthwise convolution skip on the values",
      TextParameters.presets("8 landmarks", own(8, 9), "64 landmarks", own(64, 65),
          "nystromformer-512: BERT-base sizes, 30000-token vocabulary, 64 landmarks, kernel 65",
          TextParameters.encoder(30000, 512, 2, 12, 768, 12, 3072, false), own(64, 65)),
      ParameterSpec.integer(LANDMARKS, 1, "landmarks: segment means of queries and keys (fewer when the input is shorter)"),
      ParameterSpec.integer(PINV_ITERATIONS, 1, "iterations of the Moore-Penrose pseudo-inverse"),
      ParameterSpec.integer(CONV_KERNEL, 0, "kernel of the depthwise convolution skip on the values; 0 for none"));

  /** Nyströmformer's own values of a preset: landmarks, 6 pseudo-inverse iterations, a convolution kernel. */
  private static String[] own(int landmarks, int convolutionKernel) {
    return new String[] {LANDMARKS, String.valueOf(landmarks), PINV_ITERATIONS, "6", CONV_KERNEL,
        String.valueOf(convolutionKernel)};
  }

  public NystromformerVariant() {
    super(DESCRIPTOR);
  }

  @Override
  protected TokenMixer mixer(ModelConfig config) {
    return new NystromAttention(heads(config), config.integer(LANDMARKS), config.integer(PINV_ITERATIONS),
        config.integer(CONV_KERNEL));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    long landmarks = request.config().integer(LANDMARKS);
    List<String> notes = landmarks > request.wholeLength()
        ? List.of("landmarks cut from " + landmarks + " to the " + request.wholeLength() + " tokens of the input")
        : List.of();
    return TextEncoder.build(tf, request, layer -> mixer(request.config()), notes);
  }

  @Override
  public List<String> notes(ModelConfig config) {
    return List.of("landmarks are means of contiguous segments of near-equal size, so any length works without padding",
        "no pooler in the published model; the training head reads the first token");
  }
}
