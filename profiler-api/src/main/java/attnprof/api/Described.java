package attnprof.api;

import java.util.Objects;

/**
 * A provider whose descriptor is fixed, the common case: the base of {@code DescribedVariant},
 * {@code DescribedInputGenerator} and {@code DescribedMixer}, so that an implementation passes its descriptor once.
 *
 * @param <D> the kind of descriptor
 * @since API 4
 */
public abstract class Described<D> {
  private final D descriptor;

  protected Described(D descriptor) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
  }

  /** The descriptor given at construction. */
  public final D descriptor() {
    return descriptor;
  }
}
