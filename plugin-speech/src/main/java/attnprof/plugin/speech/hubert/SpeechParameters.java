package attnprof.plugin.speech.hubert;

import static attnprof.api.model.LayerParameters.HEADS;
import static attnprof.api.model.LayerParameters.WIDTH;

import attnprof.api.model.LayerParameters;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ParameterSpec;
import java.util.List;
import java.util.Map;

/** The parameters every speech encoder has, and the preset values its shapes share. */
final class SpeechParameters {
  static final String CONV_CHANNELS = "conv_channels";
  static final String CONV_KERNELS = "conv_kernels";
  static final String CONV_STRIDES = "conv_strides";
  static final String POSITION_KERNEL = "position_kernel";
  static final String POSITION_GROUPS = "position_groups";
  static final String CLASSES = "classes";

  private static final String KERNELS = "10,3,3,3,3,2,2";
  private static final String STRIDES = "5,2,2,2,2,2,2";

  static final List<ParameterSpec> ENCODER = ParameterSpec.concat(LayerParameters.specs("Transformer"),
      ParameterSpec.integer(CONV_CHANNELS, 1, "channels of the convolutional feature encoder"),
      ParameterSpec.text(CONV_KERNELS, "kernel sizes of the feature encoder's convolutions, comma-separated"),
      ParameterSpec.text(CONV_STRIDES, "strides of the feature encoder's convolutions (their product: samples per frame)"),
      ParameterSpec.integer(POSITION_KERNEL, 2, "kernel of the convolutional relative position embedding"),
      ParameterSpec.integer(POSITION_GROUPS, 1, "groups of the position convolution (the width must be a multiple)"),
      ParameterSpec.integer(CLASSES, 2, "classes of the frame-wise training head"));

  private SpeechParameters() {
  }

  static Map<String, String> encoder(long convChannels, long width, long layers, long heads, long feedForward,
      long positionKernel, long positionGroups) {
    Map<String, String> values = LayerParameters.values(width, layers, heads, feedForward);
    values.put(CONV_CHANNELS, String.valueOf(convChannels));
    values.put(CONV_KERNELS, KERNELS);
    values.put(CONV_STRIDES, STRIDES);
    values.put(POSITION_KERNEL, String.valueOf(positionKernel));
    values.put(POSITION_GROUPS, String.valueOf(positionGroups));
    values.put(CLASSES, "32");
    return values;
  }

  static Map<String, String> tiny() {
    return encoder(16, 32, 2, 2, 64, 16, 4);
  }

  /**
   * The default run's size: HuBERT's front end at an eighth of its channels and a 4-layer body of
   * width 192, so that 2 to 30 seconds of audio sweep on two cores in minutes. (At a quarter of the
   * channels the front end took most of a 60 s step once attention was linear, hiding the mixers.)
   */
  static Map<String, String> small() {
    return encoder(64, 192, 4, 4, 768, 64, 16);
  }

  /** hubert-base-ls960. */
  static Map<String, String> base() {
    return encoder(512, 768, 12, 12, 3072, 128, 16);
  }

  /** What every HuBERT-body configuration needs: heads and position groups that divide the width. */
  static void check(ModelConfig config) {
    config.requireMultiple(WIDTH, HEADS);
    config.requireMultiple(WIDTH, POSITION_GROUPS);
  }

  /** The encoder's parameters followed by a variant's own. */
  static List<ParameterSpec> plus(ParameterSpec... own) {
    return ParameterSpec.concat(ENCODER, own);
  }
}
