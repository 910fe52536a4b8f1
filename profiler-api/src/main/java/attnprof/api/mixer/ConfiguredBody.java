package attnprof.api.mixer;

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

  protected ConfiguredBody(BodyDescriptor descriptor, String widthParameter, String headsParameter) {
    this.descriptor = descriptor;
    this.widthParameter = widthParameter;
    this.headsParameter = headsParameter;
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
