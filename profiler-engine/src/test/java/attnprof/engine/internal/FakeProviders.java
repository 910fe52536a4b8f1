package attnprof.engine.internal;

import attnprof.api.Modality;
import attnprof.api.input.DescribedInputGenerator;
import attnprof.api.input.InputDescriptor;
import attnprof.api.input.InputRequest;
import attnprof.api.input.InputSpec;
import attnprof.api.input.LoadedInput;
import attnprof.api.model.BuildRequest;
import attnprof.api.model.BuiltModel;
import attnprof.api.model.DescribedVariant;
import attnprof.api.model.ParameterSpec;
import attnprof.api.model.Preset;
import attnprof.api.model.VariantDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;

/**
 * Hand-written fakes of plugins for the engine's tests of planning and sweeping: variants and inputs of a made-up
 * modality that are described, planned and measured by faked forks, but never built or made.
 */
public final class FakeProviders {
  private FakeProviders() {
  }

  /** A variant of {@code modality} with one parameter, {@code size}, whose default grid is {@code grid}. */
  public static DescribedVariant variant(String id, String baseline, String modality, List<Double> grid) {
    Map<String, String> values = Map.of("size", "1");
    VariantDescriptor descriptor = new VariantDescriptor(id, id, new Modality(modality), baseline, "a test",
        "described, never built", List.of(new Preset(Preset.TINY, "", values), new Preset(Preset.SMALL, "", values),
            new Preset(Preset.BASE, "", values)), List.of(ParameterSpec.integer("size", 1, "unused")));
    return new DescribedVariant(descriptor) {
      @Override
      public List<Double> defaultLengths() {
        return grid;
      }

      @Override
      public BuiltModel build(Ops tf, BuildRequest request) {
        throw new UnsupportedOperationException(id + " is a fake, never built");
      }
    };
  }

  /** The inputs of {@code modality}: lengths in {@code unit}, {@code defaults} by default. */
  public static DescribedInputGenerator inputs(String modality, String unit, boolean whole, List<Double> defaults) {
    return new DescribedInputGenerator(new InputDescriptor(modality + "/" + unit, new Modality(modality), unit, whole,
        defaults, List.of(), "a fake")) {
      @Override
      protected Tensor tensor(InputSpec spec, InputRequest request) {
        throw new UnsupportedOperationException("fake inputs are never made");
      }

      @Override
      public LoadedInput read(Path file) {
        throw new UnsupportedOperationException("fake inputs are never read");
      }
    };
  }
}
