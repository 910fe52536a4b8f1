package attnprof.engine.internal.measure;

import attnprof.api.Mode;
import attnprof.api.input.InputDescriptor;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.ModelConfig;
import attnprof.api.model.ModelVariant;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.plugins.VariantDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** Builds a model without running it, to describe its configuration and count its parameters. */
public final class ModelInspector {
  private final PluginRegistry registry;

  public ModelInspector(PluginRegistry registry) {
    this.registry = registry;
  }

  public VariantDescription describe(String variantId, String preset, Map<String, String> params) {
    ModelVariant variant = registry.variant(variantId);
    ModelConfig config = ModelConfig.resolve(variant.descriptor(), preset, params);
    variant.check(config);
    InputDescriptor input = registry.inputFor(variant.descriptor().modality()).descriptor();
    double length = input.defaultLengths().isEmpty() ? 128 : input.defaultLengths().get(0);
    // a note the variant and its built model both give (a composed variant's mixer notes) is said once
    java.util.Set<String> notes = new java.util.LinkedHashSet<>(variant.notes(config));
    try (Graph graph = new Graph()) {
      BuiltModel model = variant.build(Ops.create(graph), new BuildRequest(config, 1, length, Mode.INFERENCE, 0));
      notes.addAll(model.notes());
      return new VariantDescription(variant.descriptor(), config, GraphVariables.parameterCount(graph), length,
          input.lengthUnit(), List.copyOf(notes));
    }
  }
}
