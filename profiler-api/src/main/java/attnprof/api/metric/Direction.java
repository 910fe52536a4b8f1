package attnprof.api.metric;

/**
 * Whether a smaller or a larger value of a quantity is better, or whether it is not compared at all.
 *
 * @since API 1
 */
public enum Direction {
  LOWER_IS_BETTER,
  HIGHER_IS_BETTER,
  /**
   * Neither: a detail that explains other figures (a component's share of the time, say) and is not
   * itself a reason to choose a variant. No tipping point is computed for it.
   */
  NEITHER;

  /** How results files write it: {@code lower}, {@code higher} or {@code neither}. */
  public String id() {
    return switch (this) {
      case LOWER_IS_BETTER -> "lower";
      case HIGHER_IS_BETTER -> "higher";
      case NEITHER -> "neither";
    };
  }

  /** The direction a results file wrote as {@link #id()}; anything unknown is {@link #NEITHER}. */
  public static Direction ofId(String id) {
    for (Direction direction : values()) {
      if (direction.id().equals(id)) {
        return direction;
      }
    }
    return NEITHER;
  }

  /** Whether values of this quantity are compared between variants (and tipping points found). */
  public boolean ranked() {
    return this != NEITHER;
  }

  /** Whether {@code candidate} is strictly better than {@code reference}; never for {@link #NEITHER}. */
  public boolean isBetter(double candidate, double reference) {
    return switch (this) {
      case LOWER_IS_BETTER -> candidate < reference;
      case HIGHER_IS_BETTER -> candidate > reference;
      case NEITHER -> false;
    };
  }

  /**
   * How much worse {@code candidate} is than {@code reference}: positive when worse, negative when
   * better, zero when equal. Used to interpolate where one curve crosses another.
   */
  public double deficit(double candidate, double reference) {
    return switch (this) {
      case LOWER_IS_BETTER -> candidate - reference;
      case HIGHER_IS_BETTER -> reference - candidate;
      case NEITHER -> 0;
    };
  }
}
