package attnprof.api.model;

import java.util.Locale;

/**
 * The fixed vocabulary of model components. A model builder places every op under a name scope
 * whose segment is one of these names ({@code layer_3/attention/MatMul}); the engine attributes time,
 * memory and FLOPs to components by that segment, ignoring the suffix TensorFlow adds to make a
 * repeated scope unique ({@code norm_1}). The innermost matching segment wins, so a norm nested
 * inside an attention block ({@code layer_0/attention/norm/...}) counts as {@link #NORM}.
 *
 * @since API 1
 */
public enum Component {
  /** Token, patch and position embeddings; the convolutional front end of speech models. */
  EMBEDDING,
  /** The token mixer: self-attention or its substitute, with its projections. */
  ATTENTION,
  /** The position-wise feed-forward network. */
  FEED_FORWARD,
  /** Layer and group normalisation. */
  NORM,
  /** Everything else: heads, poolers, losses, and ops that carry no component scope. */
  OTHER;

  /** The name-scope segment of this component, such as {@code feed_forward}. */
  public String scopeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The component of an op, from its full node name: the innermost scope segment that names a
   * component, or {@link #OTHER} when none does.
   */
  public static Component ofNodeName(String nodeName) {
    return scopeOf(nodeName).orElse(OTHER);
  }

  /**
   * The component whose scope an op's full node name is in (the innermost scope segment that names a
   * component), or empty when it is in none: such an op counts as {@link #OTHER}, and reports say how
   * much of {@code other} carried no component scope at all.
   */
  public static java.util.Optional<Component> scopeOf(String nodeName) {
    String[] segments = nodeName.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      Component component = ofScopeName(segments[i]);
      if (component != null) {
        return java.util.Optional.of(component);
      }
    }
    return java.util.Optional.empty();
  }

  private static Component ofScopeName(String segment) {
    // TensorFlow makes a repeated scope name unique with a suffix: norm, norm_1, norm_2
    String name = segment.replaceFirst("_[0-9]+$", "");
    for (Component component : values()) {
      if (component.scopeName().equals(segment) || component.scopeName().equals(name)) {
        return component;
      }
    }
    return null;
  }
}
