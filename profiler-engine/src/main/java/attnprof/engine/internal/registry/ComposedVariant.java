package attnprof.engine.internal.registry;

import attnprof.api.mixer.MixerBody;
import attnprof.api.mixer.MixerContext;
import attnprof.api.mixer.MixerProvider;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * A variant the engine composes from a plugin's mixer and a modality plugin's body: the body's vanilla
 * model with the mixer in every layer. Its presets and parameters are the baseline's and the mixer's; it
 * pads, and sweeps by default, as its baseline does.
 */
public final class ComposedVariant implements ModelVariant, attnprof.engine.plugins.Composed {
  private final ModelVariant baseline;
  private final MixerBody body;
  private final MixerProvider mixer;
  private final VariantDescriptor descriptor;
  private final String origin;

  ComposedVariant(ModelVariant baseline, MixerBody body, MixerProvider mixer, String mixerSource, String bodySource) {
    this.baseline = baseline;
    this.body = body;
    this.mixer = mixer;
    VariantDescriptor base = baseline.descriptor();
    var mixerDescriptor = mixer.descriptor();
    // how the baseline computes its own attention means nothing to another mixer on its body
    java.util.Set<String> baselineOnly = attnprof.api.model.AttentionParameters.specs().stream()
        .map(ParameterSpec::name).collect(java.util.stream.Collectors.toSet());
    List<Preset> presets = new ArrayList<>();
    for (Preset preset : base.presets()) {
      Map<String, String> values = new LinkedHashMap<>(preset.values());
      values.keySet().removeAll(baselineOnly);
      values.putAll(mixerDescriptor.presetValues(preset.name()));
      presets.add(new Preset(preset.name(), preset.description(), values));
    }
    List<ParameterSpec> parameters = new ArrayList<>(base.parameters());
    parameters.removeIf(spec -> baselineOnly.contains(spec.name()));
    parameters.addAll(mixerDescriptor.parameters());
    this.descriptor = new VariantDescriptor(idOf(base, body, mixerDescriptor.id()), mixerDescriptor.displayName() + " ("
        + base.displayName() + " body)", base.modality(), base.id(), mixerDescriptor.paper(), mixerDescriptor.summary(),
        presets, parameters);
    this.origin = "mixer " + mixerDescriptor.id() + " of " + mixerSource + " on the " + base.id() + " body of "
        + bodySource;
  }

  /** The id of the variant of a mixer on a body: {@code MODALITY/PREFIX-MIXER}. */
  static String idOf(VariantDescriptor baseline, MixerBody body, String mixerId) {
    return baseline.modality().id() + "/" + body.descriptor().prefix() + mixerId;
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public String plugins() {
    String mixerModule = moduleName(mixer);
    String bodyModule = moduleName(body);
    // a plugin that brings both the mixer and the body is named once
    return mixerModule.equals(bodyModule) ? mixerModule : mixerModule + " + " + bodyModule;
  }

  private static String moduleName(Object provider) {
    Module module = provider.getClass().getModule();
    return module.isNamed() ? module.getName() : "class path";
  }

  @Override
  public java.util.List<Module> modules() {
    return java.util.List.of(mixer.getClass().getModule(), body.getClass().getModule());
  }

  @Override
  public String mixerId() {
    return mixer.descriptor().id();
  }

  @Override
  public VariantDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public void check(ModelConfig config) {
    baseline.check(config);
    mixer.check(context(config, 0));
  }

  @Override
  public BuiltModel build(Ops tf, BuildRequest request) {
    ModelConfig config = request.config();
    return body.build(tf, request, layer -> mixer.create(context(config, layer)), mixer.notes(config));
  }

  private MixerContext context(ModelConfig config, int layer) {
    return new MixerContext(config, body.width(config), body.heads(config), layer, descriptor.modality());
  }

  @Override
  public java.util.Optional<attnprof.api.nn.TokenMixer> tokenMixer(ModelConfig config) {
    return java.util.Optional.of(mixer.create(context(config, 0)));
  }

  @Override
  public double paddedLength(ModelConfig config, double length) {
    return baseline.paddedLength(config, length);
  }

  @Override
  public List<Double> defaultLengths() {
    return baseline.defaultLengths();
  }

  @Override
  public List<String> notes(ModelConfig config) {
    List<String> notes = new ArrayList<>(mixer.notes(config));
    notes.add("the " + baseline.descriptor().id() + " body, its weights from the same seed as the baseline's");
    return notes;
  }
}
