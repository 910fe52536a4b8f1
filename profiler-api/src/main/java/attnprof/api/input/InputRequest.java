package attnprof.api.input;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate: one tensor per spec, and optionally the real input to make them from.
 *
 * @param specs the tensors the model wants
 * @param source a real input to fill the tensors from (cut or repeated to fit); empty for
 *     synthetic inputs
 * @param seed the seed of synthetic inputs; equal seeds give equal inputs
 *
 * @since API 1
 */
public record InputRequest(List<InputSpec> specs, Optional<LoadedInput> source, long seed) {
  public InputRequest {
    specs = List.copyOf(specs);
    Objects.requireNonNull(source, "source");
  }
}
