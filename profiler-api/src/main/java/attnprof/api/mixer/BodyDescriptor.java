package attnprof.api.mixer;

import java.util.Objects;

/**
 * What a {@link MixerBody} is: the vanilla variant whose body it is, and the prefix of the variants composed
 * on it. Made with {@link #of} and {@link #withPrefix}, so that fields added later leave plugins compiling.
 *
 * @since API 2
 */
public final class BodyDescriptor {
  private final String baseline;
  private final String prefix;

  private BodyDescriptor(String baseline, String prefix) {
    this.baseline = Objects.requireNonNull(baseline, "baseline");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty() && !prefix.matches("[a-z0-9][a-z0-9.]*-")) {
      throw new IllegalArgumentException("a body's prefix is lower-case and ends with `-`, such as `brq-`: " + prefix);
    }
  }

  /** The body of the vanilla variant {@code baseline} (such as {@code text/bert}), with no prefix. */
  public static BodyDescriptor of(String baseline) {
    return new BodyDescriptor(baseline, "");
  }

  /** This body, its composed variants named {@code MODALITY/PREFIX-MIXER} (for a modality's second body). */
  public BodyDescriptor withPrefix(String newPrefix) {
    return new BodyDescriptor(baseline, newPrefix);
  }

  /** The vanilla variant's id. */
  public String baseline() {
    return baseline;
  }

  /** Empty, or a prefix such as {@code brq-}. */
  public String prefix() {
    return prefix;
  }

  @Override
  public String toString() {
    return baseline + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
  }
}
