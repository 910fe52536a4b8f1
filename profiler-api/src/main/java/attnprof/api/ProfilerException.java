package attnprof.api;

import java.util.Objects;

/**
 * An error with a kind that says whose fault it is, and a message that says what was wrong and what
 * to do. The launcher prints the message as one line; user errors end it with exit code 2.
 *
 * <p>Plugins throw {@link #user(String)} for input they cannot use (an unreadable file, a parameter
 * out of range) and {@link #plugin(String, Throwable)} for their own failures.
 *
 * @since API 1
 */
public class ProfilerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whose fault an error is. */
  public enum Kind {
    /** Bad input from the user: an unknown id, a bad number, an unreadable file. */
    USER,
    /** A plugin misbehaved: its constructor threw, it built a broken graph. */
    PLUGIN,
    /** The device cannot do what was asked. */
    DEVICE,
    /** A defect in attnprof itself. */
    INTERNAL
  }

  private final Kind kind;

  public ProfilerException(Kind kind, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public static ProfilerException user(String message) {
    return new ProfilerException(Kind.USER, message, null);
  }

  public static ProfilerException plugin(String message, Throwable cause) {
    return new ProfilerException(Kind.PLUGIN, message, cause);
  }

  public static ProfilerException device(String message) {
    return new ProfilerException(Kind.DEVICE, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
