package attnprof.engine.internal.plan;

import attnprof.engine.result.Lengths;
import attnprof.engine.internal.point.Point;
import attnprof.api.Modality;
import attnprof.api.Mode;
import attnprof.api.ProfilerException;
import attnprof.api.device.Availability;
import attnprof.api.input.InputDescriptor;
import attnprof.api.input.InputGenerator;
import attnprof.api.input.LoadedInput;
import attnprof.api.metric.Metric;
import attnprof.api.metric.MeasurementPoint;
import attnprof.api.metric.Quantity;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.PointSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a request into points, checking everything a user can get wrong before anything runs: ids,
 * presets, parameters, lengths, input files and the device. Points are ordered by length, then
 * variant, so that a variant and its baseline are measured close together in time.
 */
public final class SweepPlanner implements Planner {
  private final PluginRegistry registry;

  @jakarta.inject.Inject
  public SweepPlanner(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public SweepPlan plan(SweepRequest request) {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    Map<String, List<Quantity>> quantities = new LinkedHashMap<>();
    for (String id : request.metrics()) {
      Metric metric = registry.metric(id);
      metrics.put(id, metric);
      quantities.put(id, metric.descriptor().quantities());
    }
    Availability availability = registry.device(request.device()).availability(request.device());
    if (!availability.available()) {
      throw ProfilerException.user("device `" + request.device() + "` cannot run: " + availability.reason());
    }
    List<ModelVariant> variants = variants(request);
    checkParameters(request, variants);
    checkModes(request, variants);
    List<Integer> batches = new ArrayList<>(new TreeSet<>(request.batches()));
    if (!batches.contains(1) && metrics.values().stream().anyMatch(m -> m.descriptor().batchOneOnly())) {
      batches.add(0, 1); // latency is defined at batch size 1
    }

    List<Point> jobs = new ArrayList<>();
    for (ModelVariant variant : variants) {
      Map<String, String> params = paramsFor(variant, request);
      ModelConfig config = ModelConfig.resolve(variant.descriptor(), request.preset(), params);
      try {
        variant.check(config);
      } catch (ProfilerException e) {
        throw ProfilerException.user(variant.descriptor().id() + ": " + e.getMessage());
      }
      InputGenerator generator = registry.inputFor(variant.descriptor().modality());
      String lengthUnit = generator.descriptor().lengthUnit();
      for (Mode mode : request.modes()) {
        if (!variant.modes().contains(mode)) {
          continue;
        }
        if (mode == Mode.STREAMING && !request.inputs().isEmpty()) {
          throw ProfilerException.user("real inputs are not streamed: a streaming point's length is its left "
              + "context, and its chunks are synthetic; leave out --inputs");
        }
        for (InputChoice input : inputs(request, generator, familyLengths(variant, mode), mode)) {
          for (double length : input.lengths()) {
            for (int batch : batches) {
              MeasurementPoint point = new MeasurementPoint(variant.descriptor().id(), config, length, batch, mode,
                  request.device());
              List<String> applicable = metrics.entrySet().stream().filter(e -> e.getValue().appliesTo(point))
                  .filter(e -> request.batches().contains(batch) || e.getValue().descriptor().batchOneOnly())
                  .map(Map.Entry::getKey).toList();
              if (!applicable.isEmpty()) {
                PointSpec spec = new PointSpec(variant.descriptor().id(), variant.descriptor().baseline(),
                    variant.descriptor().modality().id(), request.preset(), config.values(),
                    input.file() == null ? null : Path.of(input.file()).getFileName().toString(), length, lengthUnit,
                    batch, mode, request.device(), false);
                jobs.add(new Point(0, spec, params, input.file(), request.threads(), applicable, request.seed()));
              }
            }
          }
        }
      }
    }
    List<Point> ordered = jobs.stream()
        .sorted(java.util.Comparator.comparing((Point j) -> j.inputFile() == null ? "" : j.inputFile())
            .thenComparingDouble(Point::length))
        .toList();
    List<Point> indexed = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      indexed.add(ordered.get(i).withIndex(i));
    }
    return new SweepPlan(indexed, quantities);
  }

  private List<ModelVariant> variants(SweepRequest request) {
    if (!request.variants().isEmpty()) {
      return request.variants().stream().distinct().map(registry::variant).toList();
    }
    Modality modality = registry.modality(request.modality());
    List<ModelVariant> variants = registry.variants().stream()
        .filter(v -> v.descriptor().modality().equals(modality)).toList();
    if (variants.isEmpty()) {
      throw ProfilerException.user("no variants for modality `" + modality + "`; known modalities: "
          + (registry.modalities().isEmpty() ? "none (is a plugin missing?)" : String.join(", ", registry.modalities())));
    }
    return variants;
  }

  /**
   * Each mode asked for is run by some variant of the sweep, and by each variant named with
   * {@code --variants}; the variants of a modality that do not run in a mode are left out of it.
   */
  private void checkModes(SweepRequest request, List<ModelVariant> variants) {
    for (Mode mode : request.modes()) {
      List<ModelVariant> running = variants.stream().filter(v -> v.modes().contains(mode)).toList();
      List<ModelVariant> notRunning = variants.stream().filter(v -> !v.modes().contains(mode)).toList();
      if (running.isEmpty() || (!request.variants().isEmpty() && !notRunning.isEmpty())) {
        throw ProfilerException.user(notRunning.stream().map(v -> v.descriptor().id())
            .collect(java.util.stream.Collectors.joining(", ")) + (notRunning.size() == 1 ? " does" : " do")
            + " not run in the " + mode.id() + " mode" + (running.isEmpty() ? elsewhere(mode)
            : "; of this sweep's variants, " + running.stream().map(v -> v.descriptor().id())
                .collect(java.util.stream.Collectors.joining(", ")) + (running.size() == 1 ? " does" : " do")));
      }
    }
  }

  /** {@code ; variants that do: ...} from every plugin, or nothing when none runs in the mode. */
  private String elsewhere(Mode mode) {
    List<String> running = registry.variants().stream().filter(v -> v.modes().contains(mode))
        .map(v -> v.descriptor().id()).toList();
    return running.isEmpty() ? "" : "; variants that do: " + String.join(", ", running);
  }

  private static void checkParameters(SweepRequest request, List<ModelVariant> variants) {
    for (String name : request.params().keySet()) {
      boolean known = variants.stream().anyMatch(v -> hasParameter(v, name));
      if (!known) {
        List<String> names = variants.stream().flatMap(v -> v.descriptor().parameters().stream())
            .map(ParameterSpec::name).distinct().toList();
        throw ProfilerException.user("no variant in this sweep has a parameter `" + name + "`; known: "
            + String.join(", ", names));
      }
    }
  }

  private static Map<String, String> paramsFor(ModelVariant variant, SweepRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    request.params().forEach((name, value) -> {
      if (hasParameter(variant, name)) {
        params.put(name, value);
      }
    });
    return params;
  }

  private static boolean hasParameter(ModelVariant variant, String name) {
    return variant.descriptor().parameters().stream().anyMatch(p -> p.name().equals(name));
  }

  /** Synthetic inputs at the requested lengths, or each real input at its own length or the requested ones. */
  private record InputChoice(String file, List<Double> lengths) {
  }

  /** The default grid of a variant's family in a mode: its baseline's, when the baseline declares one. */
  private List<Double> familyLengths(ModelVariant variant, Mode mode) {
    String baseline = variant.descriptor().baseline();
    if (baseline == null || baseline.isEmpty()) {
      return variant.defaultLengths(mode);
    }
    return registry.variants().stream().filter(v -> v.descriptor().id().equals(baseline)).findFirst()
        .map(v -> v.defaultLengths(mode)).orElse(variant.defaultLengths(mode));
  }

  /** The largest input file read: real inputs are text, audio and images, never this large. */
  static final long MAX_INPUT_BYTES = 1L << 30;

  /** An input is a regular file (not a device, a pipe or a folder) of at most {@link #MAX_INPUT_BYTES}. */
  private static void checkInputFile(Path file) {
    if (!java.nio.file.Files.exists(file)) {
      throw ProfilerException.user("input `" + file + "` does not exist");
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw ProfilerException.user("input `" + file + "` is not a regular file (a folder, a device or a pipe)");
    }
    try {
      long size = java.nio.file.Files.size(file);
      if (size > MAX_INPUT_BYTES) {
        throw ProfilerException.user("input `" + file + "` has " + size + " bytes; inputs are read whole, and at most "
            + MAX_INPUT_BYTES + " bytes are");
      }
    } catch (java.io.IOException e) {
      throw ProfilerException.user("cannot read input `" + file + "`: " + e.getMessage());
    }
  }

  private static List<InputChoice> inputs(SweepRequest request, InputGenerator generator, List<Double> family,
      Mode mode) {
    InputDescriptor descriptor = generator.descriptor();
    List<Double> defaults = family.isEmpty() ? descriptor.defaultLengths() : family;
    List<Double> requested = request.lengths().isEmpty() && request.inputs().isEmpty()
        ? defaults : request.lengths();
    for (double length : requested) {
      if (Double.isInfinite(length)) {
        if (mode != Mode.STREAMING) {
          throw ProfilerException.user("`unlimited` is a left context: only the streaming mode takes it");
        }
        continue;
      }
      if (length < generator.minimumLength() || length > generator.maximumLength()) {
        throw ProfilerException.user(descriptor.modality() + " lengths are from "
            + Lengths.exact(generator.minimumLength()) + " to " + Lengths.exact(generator.maximumLength()) + " "
            + descriptor.lengthUnit() + ", got " + Lengths.exact(length));
      }
      if (descriptor.wholeLengths() && length != Math.rint(length)) {
        throw ProfilerException.user("lengths of " + descriptor.modality() + " are whole " + descriptor.lengthUnit()
            + ", got " + length);
      }
    }
    if (request.inputs().isEmpty()) {
      return List.of(new InputChoice(null, requested));
    }
    List<InputChoice> choices = new ArrayList<>();
    for (Path file : request.inputs()) {
      checkInputFile(file);
      LoadedInput loaded = generator.read(file);
      List<Double> lengths = requested.isEmpty() ? List.of(Math.max(1, loaded.length())) : requested;
      choices.add(new InputChoice(file.toAbsolutePath().toString(), lengths));
    }
    return choices;
  }
}
