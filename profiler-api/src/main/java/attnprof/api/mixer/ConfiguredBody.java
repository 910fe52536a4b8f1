package attnprof.api.mixer;

import org.tensorflow.op.Ops;
import java.util.function.IntFunction;
import java.util.List;
import attnprof.api.nn.TokenMixer;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.ModelConfig;

/**
 * A {@link MixerBody} whose width and heads are two of its parameters: a plugin's body class extends it and
 * builds its model.
 *
 * @since API 2
 */
public abstract class ConfiguredBody implements MixerBody {
  private final BodyDescriptor descriptor;
  private final String widthParameter;
  private final String headsParameter;
  private final Encoder encoder;

  /**
   * How a body builds its model with a mixer in each layer: {@link MixerBody#build}.
   *
   * @since API 4
   */
  @FunctionalInterface
  public interface Encoder {
    BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes);
  }

  /** A body that overrides {@link #build}. */
  protected ConfiguredBody(BodyDescriptor descriptor, String widthParameter, String headsParameter) {
    this(descriptor, widthParameter, headsParameter, null);
  }

  /**
   * A body built by {@code encoder}, the same function that builds its vanilla model.
   *
   * @since API 4
   */
  protected ConfiguredBody(BodyDescriptor descriptor, String widthParameter, String headsParameter, Encoder encoder) {
    this.descriptor = descriptor;
    this.widthParameter = widthParameter;
    this.headsParameter = headsParameter;
    this.encoder = encoder;
  }

  /** Builds with the encoder given; a body made without one overrides this. */
  @Override
  public BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer, List<String> notes) {
    if (encoder == null) {
      throw new UnsupportedOperationException(getClass().getName() + " names no encoder and does not override build");
    }
    return encoder.build(tf, request, mixerOfLayer, notes);
  }

  @Override
  public final BodyDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public final long width(ModelConfig config) {
    return config.integer(widthParameter);
  }

  @Override
  public final long heads(ModelConfig config) {
    return config.integer(headsParameter);
  }
}
