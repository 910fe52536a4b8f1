package attnprof.engine.result;

import attnprof.api.model.AttentionParameters;
import java.util.Map;

/**
 * How a baseline was computed where it differs from the study's dense baseline, for naming it beside every answer
 * against it: {@code chunked attention (256 x 4096)} for exact attention in query and key chunks
 * ({@link AttentionParameters}), empty for the dense default.
 */
public final class BaselineForm {
  private BaselineForm() {
  }

  /** The form of a baseline point's configuration; empty when it computes its attention densely. */
  public static String of(Map<String, String> config) {
    if (!AttentionParameters.CHUNKED.equals(config.get(AttentionParameters.ATTENTION))) {
      return "";
    }
    return "chunked attention (" + config.get(AttentionParameters.QUERY_CHUNK) + " x "
        + config.get(AttentionParameters.KEY_CHUNK) + ")";
  }

  /** A baseline's id with its form when it has one: {@code text/bert with chunked attention (256 x 4096)}. */
  public static String label(String baseline, String form) {
    return form == null || form.isEmpty() ? baseline : baseline + " with " + form;
  }
}
