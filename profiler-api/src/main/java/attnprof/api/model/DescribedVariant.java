package attnprof.api.model;

import java.util.Objects;

/**
 * A variant whose descriptor is fixed, the common case: an implementation passes it once and writes only what
 * differs (its build, its checks, its notes).
 *
 * @since API 4
 */
public abstract class DescribedVariant implements ModelVariant {
  private final VariantDescriptor descriptor;

  protected DescribedVariant(VariantDescriptor descriptor) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
  }

  @Override
  public final VariantDescriptor descriptor() {
    return descriptor;
  }
}
