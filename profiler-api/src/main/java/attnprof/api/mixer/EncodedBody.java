package attnprof.api.mixer;

import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.tensorflow.op.Ops;

/**
 * A {@link ConfiguredBody} built by the same {@link BodyEncoder} as its vanilla model, so that the body class names
 * its encoder instead of writing {@code build} again.
 *
 * @since API 4
 */
public abstract class EncodedBody extends ConfiguredBody {
  private final BodyEncoder encoder;

  protected EncodedBody(BodyDescriptor descriptor, String widthParameter, String headsParameter, BodyEncoder encoder) {
    super(descriptor, widthParameter, headsParameter);
    this.encoder = Objects.requireNonNull(encoder, "encoder");
  }

  @Override
  public final BuiltModel build(Ops tf, BuildRequest request, IntFunction<TokenMixer> mixerOfLayer,
      List<String> notes) {
    return encoder.build(tf, request, mixerOfLayer, notes);
  }
}
