package attnprof.api.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Tensor;

/**
 * Generated input tensors, by input name. Owns the tensors: closing the batch closes them.
 *
 * @since API 1
 */
public final class InputBatch implements AutoCloseable {
  private final Map<String, Tensor> tensors;

  public InputBatch(Map<String, ? extends Tensor> tensors) {
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  /** The tensors by input name. */
  public Map<String, Tensor> tensors() {
    return tensors;
  }

  /** The tensor of one input. */
  public Tensor get(String name) {
    Tensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new IllegalArgumentException("no input `" + name + "` in " + tensors.keySet());
    }
    return tensor;
  }

  @Override
  public void close() {
    tensors.values().forEach(Tensor::close);
  }
}
