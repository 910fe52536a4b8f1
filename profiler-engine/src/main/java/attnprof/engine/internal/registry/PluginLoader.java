package attnprof.engine.internal.registry;

import attnprof.api.Modality;
import attnprof.api.device.DeviceAdapter;
import attnprof.api.input.InputGenerator;
import attnprof.api.metric.Metric;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.VariantDescriptor;
import attnprof.engine.plugins.PluginDiagnostic;
import attnprof.engine.plugins.PluginDiagnostic.Severity;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.internal.registry.PluginLayers.PluginLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds every plugin provider: with {@link ServiceLoader} in the engine's own layer (the module path),
 * in one layer per jar of the plugins folder, and among providers an embedder hands over. A provider
 * that fails costs one diagnostic; an id claimed twice makes that id unusable, naming both sources.
 */
public final class PluginLoader {
  /** Stops a broken provider configuration from looping forever. */
  private static final int MAX_PROVIDERS_PER_SOURCE = 10_000;

  /** A provider and where it came from. */
  /** A provider and where it came from: {@code dropIn} for a jar of the plugins folder. */
  private record Found(Object provider, String id, String source, boolean dropIn) {
  }

  private final Path pluginsFolder;
  private final Collection<Object> embedderProviders;

  /**
   * @param pluginsFolder the plugins folder, or null for none
   * @param embedderProviders providers registered in code, as instances of the SPI interfaces
   */
  public PluginLoader(Path pluginsFolder, Collection<Object> embedderProviders) {
    this.pluginsFolder = pluginsFolder;
    this.embedderProviders = List.copyOf(embedderProviders);
  }

  public PluginRegistry load() {
    List<PluginDiagnostic> diagnostics = new ArrayList<>();
    Map<ProviderKind<?>, List<Found>> found = new LinkedHashMap<>();
    ProviderKind.ALL.forEach(kind -> found.put(kind, new ArrayList<>()));

    for (ProviderKind<?> kind : ProviderKind.ALL) {
      collect(kind, null, null, found.get(kind), diagnostics);
    }
    for (PluginLayer plugin : PluginLayers.load(pluginsFolder, diagnostics)) {
      for (ProviderKind<?> kind : ProviderKind.ALL) {
        collect(kind, plugin.layer(), plugin.source(), found.get(kind), diagnostics);
      }
    }
    for (Object provider : embedderProviders) {
      boolean matched = false;
      for (ProviderKind<?> kind : ProviderKind.ALL) {
        if (kind.service().isInstance(provider)) {
          matched = true;
          describe(kind, provider, "embedder (" + provider.getClass().getName() + ")", false, found.get(kind),
              diagnostics);
        }
      }
      if (!matched) {
        throw new IllegalArgumentException(provider.getClass().getName() + " implements no attnprof SPI interface");
      }
    }

    Map<String, String> brokenIds = new HashMap<>();
    Map<ProviderKind<?>, List<Object>> unique = new HashMap<>();
    for (ProviderKind<?> kind : ProviderKind.ALL) {
      unique.put(kind, deduplicate(kind, found.get(kind), brokenIds, diagnostics));
    }
    Map<Object, String> sourceOf = new java.util.IdentityHashMap<>();
    found.values().forEach(list -> list.forEach(f -> sourceOf.put(f.provider(), f.source())));
    List<ModelVariant> declared = PluginLoader.<ModelVariant>cast(unique.get(ProviderKind.VARIANT));
    List<ModelVariant> all = new ArrayList<>(declared);
    for (ModelVariant composed : compose(declared,
        PluginLoader.<attnprof.api.mixer.MixerProvider>cast(unique.get(ProviderKind.MIXER)),
        PluginLoader.<attnprof.api.mixer.MixerBody>cast(unique.get(ProviderKind.BODY)), sourceOf, diagnostics)) {
      all.add(endOfFamily(all, composed.descriptor().baseline()), composed);
    }
    List<ModelVariant> variants = all.stream()
        .sorted(Comparator.comparing((ModelVariant v) -> modalityRank(v.descriptor().modality()))
            .thenComparing(v -> v.descriptor().modality().id()))
        .toList();
    List<InputGenerator> inputs = PluginLoader.<InputGenerator>cast(unique.get(ProviderKind.INPUT)).stream()
        .sorted(Comparator.comparing((InputGenerator g) -> modalityRank(g.descriptor().modality()))
            .thenComparing(g -> g.descriptor().modality().id()))
        .toList();
    warnAboutMissingBaselines(variants, diagnostics);
    return new PluginRegistry(variants, inputs,
        PluginLoader.<Metric>cast(unique.get(ProviderKind.METRIC)),
        PluginLoader.<DeviceAdapter>cast(unique.get(ProviderKind.DEVICE)), brokenIds, diagnostics);
  }

  /**
   * The variants of every mixer on every body of a modality it supports. A composition whose id a declared
   * variant holds, or that cannot be described (a mixer parameter named like one of the body's), is left out
   * with a diagnostic; so is a body whose vanilla variant is not loaded.
   */
  private static List<ModelVariant> compose(List<ModelVariant> variants, List<attnprof.api.mixer.MixerProvider> mixers,
      List<attnprof.api.mixer.MixerBody> bodies, Map<Object, String> sourceOf, List<PluginDiagnostic> diagnostics) {
    Map<String, ModelVariant> byId = new LinkedHashMap<>();
    variants.forEach(v -> byId.put(v.descriptor().id(), v));
    List<ModelVariant> composed = new ArrayList<>();
    for (attnprof.api.mixer.MixerBody body : bodies) {
      String bodySource = sourceOf.get(body);
      ModelVariant baseline = byId.get(body.descriptor().baseline());
      if (baseline == null) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, bodySource, "the mixer body of `"
            + body.descriptor().baseline() + "` has no such variant loaded; no mixer runs on it"));
        continue;
      }
      for (attnprof.api.mixer.MixerProvider mixer : mixers) {
        String mixerSource = sourceOf.get(mixer);
        try {
          if (!mixer.descriptor().runsOn(baseline.descriptor())) {
            continue;
          }
          String id = ComposedVariant.idOf(baseline.descriptor(), body, mixer.descriptor().id());
          ModelVariant taken = byId.get(id);
          if (taken != null) {
            diagnostics.add(new PluginDiagnostic(Severity.ERROR, mixerSource, "mixer `" + mixer.descriptor().id()
                + "` on " + baseline.descriptor().id() + " would be `" + id + "`, which " + sourceOf.get(taken)
                + " provides already; that composition is left out"));
            continue;
          }
          ComposedVariant variant = new ComposedVariant(baseline, body, mixer, mixerSource, bodySource);
          byId.put(id, variant);
          sourceOf.put(variant, variant.origin());
          composed.add(variant);
        } catch (RuntimeException | LinkageError e) {
          diagnostics.add(new PluginDiagnostic(Severity.WARNING, mixerSource, "mixer on "
              + baseline.descriptor().id() + " cannot be composed: " + PluginLayers.oneLine(e)));
        }
      }
    }
    return composed;
  }

  /** Where a variant compared with {@code baseline} goes: after the last of that baseline's family so far. */
  private static int endOfFamily(List<ModelVariant> variants, String baseline) {
    int end = variants.size();
    for (int i = 0; i < variants.size(); i++) {
      VariantDescriptor descriptor = variants.get(i).descriptor();
      if (descriptor.id().equals(baseline) || descriptor.baseline().equals(baseline)) {
        end = i + 1;
      }
    }
    return end;
  }

  /**
   * The place of a modality in listings and default sweeps: the study's text, speech, vision, then
   * the others by id. Within a modality, providers keep the order their plugin declares them in.
   */
  private static int modalityRank(Modality modality) {
    int rank = List.of(Modality.TEXT, Modality.SPEECH, Modality.VISION).indexOf(modality);
    return rank < 0 ? 3 : rank;
  }

  /** Collects the providers of the engine's own layer (layer null), or of one plugin layer. */
  private static <T> void collect(ProviderKind<T> kind, ModuleLayer onlyLayer, String layerSource, List<Found> found,
      List<PluginDiagnostic> diagnostics) {
    ServiceLoader<T> loader = onlyLayer == null
        ? ServiceLoader.load(kind.service(), PluginLoader.class.getClassLoader())
        : ServiceLoader.load(onlyLayer, kind.service());
    Iterator<ServiceLoader.Provider<T>> providers = loader.stream().iterator();
    for (int i = 0; i < MAX_PROVIDERS_PER_SOURCE; i++) {
      ServiceLoader.Provider<T> provider;
      try {
        if (!providers.hasNext()) {
          return;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, layerSource == null ? "module path" : layerSource,
            "a " + kind.label() + " provider cannot be loaded: " + PluginLayers.oneLine(e)));
        continue;
      }
      Module module = provider.type().getModule();
      if (onlyLayer != null && module.getLayer() != onlyLayer) {
        continue; // a parent layer's provider, already found there
      }
      String source = describeSource(module, layerSource);
      T instance;
      try {
        instance = provider.get();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, source, kind.label() + " "
            + provider.type().getName() + " failed to start: " + PluginLayers.oneLine(e)));
        continue;
      }
      describe(kind, instance, source, layerSource != null, found, diagnostics);
    }
  }

  private static <T> void describe(ProviderKind<T> kind, Object provider, String source, boolean dropIn,
      List<Found> found, List<PluginDiagnostic> diagnostics) {
    try {
      String id = kind.id().apply(kind.service().cast(provider));
      found.add(new Found(provider, id, source, dropIn));
    } catch (RuntimeException | LinkageError e) {
      diagnostics.add(new PluginDiagnostic(Severity.WARNING, source, kind.label() + " "
          + provider.getClass().getName() + " has a broken descriptor: " + PluginLayers.oneLine(e)));
    }
  }

  private static String describeSource(Module module, String layerSource) {
    String name = module.isNamed() ? "module " + module.getName() : "class path";
    return layerSource == null ? name : layerSource + " (" + name + ")";
  }

  private static List<Object> deduplicate(ProviderKind<?> kind, List<Found> found, Map<String, String> brokenIds,
      List<PluginDiagnostic> diagnostics) {
    Map<String, List<Found>> byId = new LinkedHashMap<>();
    for (Found f : found) {
      byId.computeIfAbsent(f.id(), id -> new ArrayList<>()).add(f);
    }
    List<Object> unique = new ArrayList<>();
    for (Map.Entry<String, List<Found>> entry : byId.entrySet()) {
      List<Found> claimants = entry.getValue();
      if (claimants.size() == 1) {
        unique.add(claimants.get(0).provider());
        continue;
      }
      List<Found> builtIn = claimants.stream().filter(f -> !f.dropIn()).toList();
      if (builtIn.size() == 1) {
        // a drop-in jar cannot take over an id the installation provides: the built-in one keeps working
        unique.add(builtIn.get(0).provider());
        for (Found dropIn : claimants.stream().filter(Found::dropIn).toList()) {
          diagnostics.add(new PluginDiagnostic(Severity.ERROR, dropIn.source(), kind.label() + " id `"
              + entry.getKey() + "` is already provided by " + builtIn.get(0).source() + "; the drop-in's is refused"));
        }
        continue;
      }
      String message = "duplicate " + kind.label() + " id `" + entry.getKey() + "` provided by "
          + String.join(" and ", claimants.stream().map(Found::source).toList())
          + "; remove one of them";
      brokenIds.put(entry.getKey(), message);
      diagnostics.add(new PluginDiagnostic(Severity.ERROR, claimants.get(0).source(), message));
    }
    return unique;
  }

  private static void warnAboutMissingBaselines(List<ModelVariant> variants, List<PluginDiagnostic> diagnostics) {
    List<String> ids = variants.stream().map(v -> v.descriptor().id()).toList();
    for (ModelVariant variant : variants) {
      String baseline = variant.descriptor().baseline();
      if (!baseline.isEmpty() && !ids.contains(baseline)) {
        diagnostics.add(new PluginDiagnostic(Severity.WARNING, variant.descriptor().id(),
            "its baseline `" + baseline + "` is not loaded; it has no tipping points"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<Object> providers) {
    return (List<T>) (List<?>) providers;
  }
}
