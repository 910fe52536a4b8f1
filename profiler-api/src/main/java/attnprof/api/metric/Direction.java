package attnprof.api.metric;

/** Whether a smaller or a larger value of a quantity is better. */
public enum Direction {
  LOWER_IS_BETTER,
  HIGHER_IS_BETTER;

  /** Whether {@code candidate} is strictly better than {@code reference}. */
  public boolean isBetter(double candidate, double reference) {
    return this == LOWER_IS_BETTER ? candidate < reference : candidate > reference;
  }

  /**
   * How much worse {@code candidate} is than {@code reference}: positive when worse, negative when
   * better, zero when equal. Used to interpolate where one curve crosses another.
   */
  public double deficit(double candidate, double reference) {
    return this == LOWER_IS_BETTER ? candidate - reference : reference - candidate;
  }
}
