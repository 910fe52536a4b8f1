package attnprof.api.device;

import java.util.Objects;

/**
 * What a device adapter serves.
 *
 * @param family the device family, such as {@code cpu} or {@code cuda}; device ids are the family
 *     alone or the family, a colon and an index ({@code cuda:0})
 * @param displayName a short human name
 * @param summary one sentence on what it runs on and how it measures memory
 * @since API 1; {@link #builder} since API 2
 */
public record DeviceDescriptor(String family, String displayName, String summary) {
  public DeviceDescriptor {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(summary, "summary");
    if (!family.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("device family must be lower-case letters and digits: " + family);
    }
  }

  /** A descriptor of the device family {@code family}, built step by step. */
  public static Builder builder(String family) {
    return new Builder(family);
  }

  /**
   * Builds a {@link DeviceDescriptor} with named steps.
   *
   * @since API 2
   */
  public static final class Builder {
    private final String family;
    private String displayName;
    private String summary = "";

    private Builder(String family) {
      this.family = family;
    }

    /** A short human name (default: the family). */
    public Builder displayName(String value) {
      displayName = value;
      return this;
    }

    public Builder summary(String value) {
      summary = value;
      return this;
    }

    public DeviceDescriptor build() {
      return new DeviceDescriptor(family, displayName == null ? family : displayName, summary);
    }
  }
}
