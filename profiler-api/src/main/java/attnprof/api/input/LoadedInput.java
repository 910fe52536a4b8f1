package attnprof.api.input;

/**
 * A real input read from a file by an {@link InputGenerator}, kept in memory in the generator's own
 * form (token ids, samples, pixels). Only the generator that read it knows its content; the engine
 * passes it back to {@link InputGenerator#generate}.
 *
 * @since API 1
 */
public interface LoadedInput {

  /** Where it came from, for reports: usually the file's name. */
  String source();

  /** Its natural length in the modality's unit (tokens, seconds, pixels per side). */
  double length();
}
