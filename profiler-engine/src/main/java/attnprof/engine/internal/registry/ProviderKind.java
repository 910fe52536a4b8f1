package attnprof.engine.internal.registry;

import attnprof.api.device.DeviceAdapter;
import attnprof.api.input.InputGenerator;
import attnprof.api.metric.Metric;
import attnprof.api.model.ModelVariant;
import java.util.List;
import java.util.function.Function;

/**
 * One service type plugins provide, with how to read a provider's id.
 *
 * @param service the SPI interface
 * @param label what users call it ("variant")
 * @param id reads the id from a provider's descriptor (may throw: the plugin's code)
 */
record ProviderKind<T>(Class<T> service, String label, Function<T, String> id) {
  static final ProviderKind<ModelVariant> VARIANT =
      new ProviderKind<>(ModelVariant.class, "variant", v -> v.descriptor().id());
  static final ProviderKind<InputGenerator> INPUT =
      new ProviderKind<>(InputGenerator.class, "input generator", g -> g.descriptor().id());
  static final ProviderKind<Metric> METRIC =
      new ProviderKind<>(Metric.class, "metric", m -> m.descriptor().id());
  static final ProviderKind<DeviceAdapter> DEVICE =
      new ProviderKind<>(DeviceAdapter.class, "device", d -> d.descriptor().family());

  static final ProviderKind<attnprof.api.mixer.MixerProvider> MIXER =
      new ProviderKind<>(attnprof.api.mixer.MixerProvider.class, "mixer", m -> m.descriptor().id());
  static final ProviderKind<attnprof.api.mixer.MixerBody> BODY =
      new ProviderKind<>(attnprof.api.mixer.MixerBody.class, "mixer body",
          b -> b.descriptor().baseline() + "|" + b.descriptor().prefix());

  static final List<ProviderKind<?>> ALL = List.of(VARIANT, INPUT, METRIC, DEVICE, MIXER, BODY);
}
