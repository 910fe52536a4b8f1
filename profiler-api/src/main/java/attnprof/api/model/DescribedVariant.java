package attnprof.api.model;

import attnprof.api.Described;

/**
 * A variant whose descriptor is fixed, the common case: an implementation passes it once and writes only what
 * differs (its build, its checks, its notes).
 *
 * @since API 4
 */
public abstract class DescribedVariant extends Described<VariantDescriptor> implements ModelVariant {
  protected DescribedVariant(VariantDescriptor descriptor) {
    super(descriptor);
  }
}
