package attnprof.engine.internal.point;

import attnprof.api.Mode;
import attnprof.engine.result.Lengths;
import java.util.Objects;

/**
 * What makes a point one point of its run, whatever its position: variant, input, length, mode and batch. The
 * results database stores each key of a run once, written as {@code variant|input|length|mode|batch}.
 *
 * @param variant the variant id
 * @param input the real input file's path, or {@code synthetic}
 * @param length the length
 * @param mode the mode
 * @param batch the batch size
 */
public record PointKey(String variant, String input, double length, Mode mode, int batch) {
  public PointKey {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(mode, "mode");
  }

  /** The key as the database stores it: {@code text/bert|synthetic|512|inference|1}. */
  @Override
  public String toString() {
    return variant + "|" + input + "|" + Lengths.exact(length) + "|" + mode.id() + "|" + batch;
  }

  /**
   * A key as {@link #toString} writes it. The input, a path, may hold the separator: the variant is before the
   * first and the length, mode and batch after the last three.
   *
   * @throws IllegalArgumentException for text that is not a key
   */
  public static PointKey parse(String text) {
    int first = text.indexOf('|');
    int batchAt = text.lastIndexOf('|');
    int modeAt = batchAt < 0 ? -1 : text.lastIndexOf('|', batchAt - 1);
    int lengthAt = modeAt < 0 ? -1 : text.lastIndexOf('|', modeAt - 1);
    if (first < 0 || lengthAt <= first) {
      throw new IllegalArgumentException("not a point key: " + text);
    }
    String length = text.substring(lengthAt + 1, modeAt);
    return new PointKey(text.substring(0, first), text.substring(first + 1, lengthAt),
        length.equals(Lengths.UNLIMITED) ? Double.POSITIVE_INFINITY : Double.parseDouble(length),
        Mode.of(text.substring(modeAt + 1, batchAt)), Integer.parseInt(text.substring(batchAt + 1)));
  }
}
