package attnprof.engine.plugins;

import attnprof.api.model.ModelConfig;
import attnprof.api.model.VariantDescriptor;
import java.util.List;

/**
 * What {@code describe} reports of a variant's configuration.
 *
 * @param descriptor the variant's descriptor
 * @param config the resolved configuration
 * @param parameters the trainable parameter count of the model built for {@code length}
 * @param length the input length the model was built for to count its parameters
 * @param lengthUnit the unit of that length
 * @param notes the variant's notes on how it is built, and what it changed to fit the length
 */
public record VariantDescription(VariantDescriptor descriptor, ModelConfig config, long parameters, double length,
    String lengthUnit, List<String> notes) {
  public VariantDescription {
    notes = List.copyOf(notes);
  }
}
