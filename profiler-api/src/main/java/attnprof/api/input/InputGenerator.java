package attnprof.api.input;

import attnprof.api.ProfilerException;
import java.nio.file.Path;

/**
 * Makes the inputs of one modality: synthetic inputs of a given length, and real inputs read from
 * files.
 *
 * <p>Declared by a plugin with {@code provides attnprof.api.input.InputGenerator with ...}; there is
 * one generator per modality. The constructor must be cheap. Methods may be called from any thread.
 *
 * @since API 1
 */
public interface InputGenerator {

  /** What this generator makes; the same value on every call. */
  InputDescriptor descriptor();

  /**
   * Makes one tensor per requested spec, of exactly the spec's type and shape. Synthetic values
   * depend only on the seed; values made from a {@linkplain InputRequest#source() real input} are
   * its content, cut or repeated to fill the shape.
   *
   * @throws ProfilerException a user error when a spec is not one this generator can fill
   */
  InputBatch generate(InputRequest request);

  /**
   * Reads a real input from a file.
   *
   * @throws ProfilerException a user error in one line when the file cannot be read or is not of
   *     this modality (a WAV file given to the text generator, say)
   */
  LoadedInput read(Path file);

  /**
   * The shortest length an input of this modality can have (in its length unit): a sweep refuses a
   * shorter one before its first point. The default is 1.
   */
  default double minimumLength() {
    return 1;
  }

  /**
   * The longest length an input of this modality can have: a sweep refuses a longer one before its
   * first point, as a typo rather than a measurement (no model here could be built that long). The
   * default has no bound.
   */
  default double maximumLength() {
    return Double.POSITIVE_INFINITY;
  }
}
