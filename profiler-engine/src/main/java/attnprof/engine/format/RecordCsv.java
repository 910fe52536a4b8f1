package attnprof.engine.format;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV of records: a header of the record's component names, a line per record; and back. Columns
 * are matched by name when reading, so files with extra or reordered columns still read.
 */
public final class RecordCsv {
  private RecordCsv() {
  }

  public static <R extends Record> String write(Class<R> type, List<R> records) {
    RecordComponent[] components = type.getRecordComponents();
    StringBuilder csv = new StringBuilder(CsvFormat.line(Arrays.stream(components).map(RecordComponent::getName).toList()));
    csv.append('\n');
    for (R record : records) {
      csv.append(CsvFormat.line(values(record))).append('\n');
    }
    return csv.toString();
  }

  /** A record's component values, in declaration order. */
  public static List<Object> values(Record record) {
    List<Object> values = new ArrayList<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        values.add(component.getAccessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
    return values;
  }

  /** @throws IllegalArgumentException when a column the record needs is missing or a value does not parse */
  public static <R extends Record> List<R> read(Class<R> type, String text) {
    return read(type, text, java.util.Map.of());
  }

  /**
   * Records from CSV whose columns may have the names older files gave them.
   *
   * @param formerNames a component's former column name, by the component's name
   * @throws IllegalArgumentException when a column the record needs is missing or a value does not parse
   */
  public static <R extends Record> List<R> read(Class<R> type, String text, java.util.Map<String, String> formerNames) {
    List<List<String>> lines = CsvFormat.parse(text);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = lines.get(0);
    RecordComponent[] components = type.getRecordComponents();
    int[] columns = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      columns[i] = header.indexOf(components[i].getName());
      if (columns[i] < 0 && formerNames.containsKey(components[i].getName())) {
        columns[i] = header.indexOf(formerNames.get(components[i].getName()));
      }
      // a flag added to the rows later (refinement) is false in files written before it
      if (columns[i] < 0 && components[i].getType() != boolean.class) {
        throw new IllegalArgumentException("the CSV has no column `" + components[i].getName() + "`");
      }
    }
    Constructor<R> constructor;
    try {
      constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
          .toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    List<R> records = new ArrayList<>();
    for (int line = 1; line < lines.size(); line++) {
      List<String> fields = lines.get(line);
      Object[] arguments = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        String field = columns[i] >= 0 && columns[i] < fields.size() ? fields.get(columns[i]) : "";
        arguments[i] = convert(field, components[i].getType(), components[i].getName(), line + 1);
      }
      try {
        records.add(constructor.newInstance(arguments));
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("line " + (line + 1) + " is not a valid row: " + e.getMessage(), e);
      }
    }
    return records;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumOf(Class<?> type, String field) {
    return Ids.parse((Class) type, field);
  }

  private static Object convert(String field, Class<?> type, String name, int line) {
    try {
      if (type == String.class) {
        return field;
      }
      if (type == Double.class) {
        return field.isEmpty() ? null : Double.valueOf(field);
      }
      if (type == double.class) {
        return Double.parseDouble(field);
      }
      if (type == int.class) {
        return field.isEmpty() ? 0 : Integer.parseInt(field);
      }
      if (type == long.class) {
        return field.isEmpty() ? 0L : Long.parseLong(field);
      }
      if (type == boolean.class) {
        return Boolean.parseBoolean(field.trim());
      }
      if (type.isEnum()) {
        return enumOf(type, field);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + line + ": `" + name + "` is not a number: " + field);
    }
    throw new IllegalStateException("unsupported column type " + type + " of " + name);
  }
}
