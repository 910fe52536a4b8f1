package attnprof.api.metric;

import java.util.Objects;

/**
 * The unit of a quantity, as printed in results. Open: a plugin may make its own.
 *
 * @param symbol what follows a value, such as {@code ms}
 *
 * @since API 1
 */
public record Unit(String symbol) {
  public static final Unit MILLISECONDS = new Unit("ms");
  public static final Unit INPUTS_PER_SECOND = new Unit("inputs/s");
  public static final Unit BYTES = new Unit("bytes");
  public static final Unit FLOPS = new Unit("FLOP");
  public static final Unit PERCENT = new Unit("%");

  public Unit {
    Objects.requireNonNull(symbol, "symbol");
  }

  @Override
  public String toString() {
    return symbol;
  }
}
