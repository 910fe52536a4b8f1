package attnprof.api.model;

import attnprof.api.mixer.BodyEncoder;
import attnprof.api.nn.TokenMixer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tensorflow.op.Ops;

/**
 * A variant that is a body with one kind of token mixer in every layer: an implementation says which mixer
 * ({@link #mixer}) and which encoder builds the body, and the variant's model and its
 * {@link ModelVariant#tokenMixer token mixer} (what the conformance suite checks for padding) follow from them.
 *
 * @since API 4
 */
public abstract class MixerVariant extends DescribedVariant {
  private final BodyEncoder encoder;

  protected MixerVariant(VariantDescriptor descriptor, BodyEncoder encoder) {
    super(descriptor);
    this.encoder = Objects.requireNonNull(encoder, "encoder");
  }

  /** The mixer of one layer in a configuration (called once per layer, inside the graph being built). */
  protected abstract TokenMixer mixer(ModelConfig config);

  @Override
  public Optional<TokenMixer> tokenMixer(ModelConfig config) {
    return Optional.of(mixer(config));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    return encoder.build(tf, request, layer -> mixer(request.config()), List.of());
  }
}
