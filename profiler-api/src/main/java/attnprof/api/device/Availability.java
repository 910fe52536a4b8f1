package attnprof.api.device;

import java.util.Objects;

/**
 * Whether a device can run, and if not, why, in one line a user can act on.
 *
 * @param available whether it can run
 * @param reason why not (and what to do); a short description when available
 *
 * @since API 1
 */
public record Availability(boolean available, String reason) {
  public Availability {
    Objects.requireNonNull(reason, "reason");
  }

  public static Availability available(String description) {
    return new Availability(true, description);
  }

  public static Availability unavailable(String reason) {
    return new Availability(false, reason);
  }
}
