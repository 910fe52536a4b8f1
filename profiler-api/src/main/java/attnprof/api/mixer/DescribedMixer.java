package attnprof.api.mixer;

import attnprof.api.Described;

/**
 * A mixer provider whose descriptor is fixed, the common case: an implementation passes it once and writes only how
 * it makes its mixer.
 *
 * @since API 4
 */
public abstract class DescribedMixer extends Described<MixerDescriptor> implements MixerProvider {
  protected DescribedMixer(MixerDescriptor descriptor) {
    super(descriptor);
  }
}
