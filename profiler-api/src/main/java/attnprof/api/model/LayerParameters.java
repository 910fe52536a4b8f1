package attnprof.api.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes every stack of Transformer-like layers has, named alike in every plugin so that {@code --param layers=2}
 * or {@code width=64} mean the same for every variant that has them, and worded once in {@code describe}.
 *
 * @since API 4
 */
public final class LayerParameters {
  /** The hidden width of the layers (d_model). */
  public static final String WIDTH = "width";
  /** How many layers. */
  public static final String LAYERS = "layers";
  /** The heads of each layer's attention or mixer; the width is a multiple of them. */
  public static final String HEADS = "heads";
  /** The hidden width of each feed-forward network (d_ffn). */
  public static final String FEED_FORWARD = "feed_forward";

  private LayerParameters() {
  }

  /**
   * The four sizes' specs, in the order width, layers, heads, feed-forward.
   *
   * @param layer what a layer is called in its paper, such as {@code Transformer} or {@code Conformer}
   */
  public static List<ParameterSpec> specs(String layer) {
    return List.of(
        ParameterSpec.integer(WIDTH, 1, "hidden width of the " + layer + " (d_model)"),
        ParameterSpec.integer(LAYERS, 1, 1000, layer + " layers"),
        ParameterSpec.integer(HEADS, 1, "heads of each layer's attention or mixer (the width must be a multiple)"),
        ParameterSpec.integer(FEED_FORWARD, 1, "hidden width of each feed-forward network (d_ffn)"));
  }

  /** A preset's values of the four sizes, in the order of {@link #specs}, in a map a plugin may add its own to. */
  public static Map<String, String> values(long width, long layers, long heads, long feedForward) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(WIDTH, String.valueOf(width));
    values.put(LAYERS, String.valueOf(layers));
    values.put(HEADS, String.valueOf(heads));
    values.put(FEED_FORWARD, String.valueOf(feedForward));
    return values;
  }
}
