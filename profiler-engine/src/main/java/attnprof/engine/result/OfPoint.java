package attnprof.engine.result;

import attnprof.api.Mode;
import java.util.Map;

/** Something of one point ({@link PointResult}, {@link Figure}): what the point is, read through it. */
public interface OfPoint {
  /** What the point measures. */
  PointSpec point();

  default String variant() {
    return point().variant();
  }

  default String baseline() {
    return point().baseline();
  }

  default String modality() {
    return point().modality();
  }

  default String preset() {
    return point().preset();
  }

  default Map<String, String> config() {
    return point().config();
  }

  default String input() {
    return point().input();
  }

  default double length() {
    return point().length();
  }

  default String lengthUnit() {
    return point().lengthUnit();
  }

  default int batch() {
    return point().batch();
  }

  default Mode mode() {
    return point().mode();
  }

  default String device() {
    return point().device();
  }

  default boolean refinement() {
    return point().refinement();
  }
}
