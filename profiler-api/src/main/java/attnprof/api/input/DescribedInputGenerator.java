package attnprof.api.input;

import java.util.Objects;

/**
 * An input generator whose descriptor is fixed, the common case: an implementation passes it once and writes only
 * how it makes and reads inputs.
 *
 * @since API 4
 */
public abstract class DescribedInputGenerator implements InputGenerator {
  private final InputDescriptor descriptor;

  protected DescribedInputGenerator(InputDescriptor descriptor) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
  }

  @Override
  public final InputDescriptor descriptor() {
    return descriptor;
  }
}
