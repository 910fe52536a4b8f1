package attnprof.api.input;

import java.util.LinkedHashMap;
import java.util.Map;
import attnprof.api.Described;
import org.tensorflow.Tensor;

/**
 * An input generator whose descriptor is fixed and which fills each input of a request on its own, the common case:
 * an implementation passes its descriptor once and writes how it makes one input ({@link #tensor}) and reads a
 * file.
 *
 * @since API 4
 */
public abstract class DescribedInputGenerator extends Described<InputDescriptor> implements InputGenerator {
  protected DescribedInputGenerator(InputDescriptor descriptor) {
    super(descriptor);
  }

  /**
   * Fills each input of the request with {@link #tensor}; when one cannot be made, closes those made before it
   * and throws.
   */
  @Override
  public InputBatch generate(InputRequest request) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    try {
      for (InputSpec spec : request.specs()) {
        tensors.put(spec.name(), tensor(spec, request));
      }
    } catch (RuntimeException e) {
      tensors.values().forEach(Tensor::close);
      throw e;
    }
    return new InputBatch(tensors);
  }

  /**
   * One input's values for a request: from its real input when it names one, else synthetic from its seed.
   *
   * @throws attnprof.api.ProfilerException a plugin error for a spec this generator cannot fill
   */
  protected abstract Tensor tensor(InputSpec spec, InputRequest request);
}
