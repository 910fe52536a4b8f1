package attnprof.engine.format;

import java.lang.reflect.Method;
import java.util.Locale;

/**
 * How a value of a fixed set (an enum) is written in every output, CSV, JSON and the database alike: its
 * {@code id()} when it has one ({@code inference}, {@code lower}, {@code not-run}), else its name in lower case
 * with hyphens ({@code never-in-range}); and read back from that, or from the upper-case name older files hold.
 */
public final class Ids {
  private Ids() {
  }

  /** Each enum's {@code id()} method, looked up once: outputs write enums after every point. */
  private static final ClassValue<Method> ID = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> type) {
      try {
        Method id = type.getMethod("id");
        return id.getReturnType() == String.class ? id : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  };

  /** The value as outputs write it. */
  public static String of(Enum<?> value) {
    Method id = ID.get(value.getDeclaringClass());
    if (id != null) {
      try {
        return (String) id.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read the id of " + value, e);
      }
    }
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant an output wrote as {@code text}, or null when none was. */
  public static <E extends Enum<E>> E parse(Class<E> type, String text) {
    String wanted = text.trim();
    for (E constant : type.getEnumConstants()) {
      if (of(constant).equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted.replace('-', '_'))) {
        return constant;
      }
    }
    return null;
  }
}
