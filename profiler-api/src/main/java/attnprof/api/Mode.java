package attnprof.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one measured step does.
 *
 * @since API 1
 */
public enum Mode {
  /** One forward pass. */
  INFERENCE,
  /** One training step: forward pass, backward pass and an optimizer update of every weight. */
  TRAINING,
  /**
   * One chunk of a live stream in steady state: a forward pass over the chunk with the state the chunks
   * before it left (an attention cache, a running summary), which it then replaces. The length of a
   * streaming point is its left context. Only variants that say so run in it
   * ({@link attnprof.api.model.ModelVariant#modes()}); the model carries a
   * {@link attnprof.api.model.StreamingStep}.
   *
   * @since API 3
   */
  STREAMING;

  /** The lower-case name used on the command line and in results. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a mode name, ignoring case.
   *
   * @throws ProfilerException a user error naming the known modes
   */
  public static Mode of(String id) {
    for (Mode mode : values()) {
      if (mode.id().equalsIgnoreCase(id.trim())) {
        return mode;
      }
    }
    throw ProfilerException.user("no mode `" + id + "`; known: "
        + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
  }
}
