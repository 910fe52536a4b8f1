package attnprof.api.device;

import java.util.Objects;

/**
 * What a device adapter serves.
 *
 * @param family the device family, such as {@code cpu} or {@code cuda}; device ids are the family
 *     alone or the family, a colon and an index ({@code cuda:0})
 * @param displayName a short human name
 * @param summary one sentence on what it runs on and how it measures memory
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
}
