package attnprof.engine.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The one JSON mapper of the engine: results, and the messages between a sweep and its child JVMs. */
public final class Json {
  /**
   * The version of the names and spellings every output uses (results files, the database, each command's
   * {@code --format json}): a script checks it. 3: {@code runId}, {@code variant}, {@code device} and
   * {@code direction} everywhere, and every fixed value in lower case ({@code inference}, {@code ok},
   * {@code never-in-range}).
   */
  public static final int SCHEMA_VERSION = 3;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .addModule(plainValues())
      .addHandler(new EnumsFromIds())
      .build();

  /** Durations as ISO-8601 ({@code PT2M}) and paths as their text, both ways. */
  private static com.fasterxml.jackson.databind.Module plainValues() {
    com.fasterxml.jackson.databind.module.SimpleModule module =
        new com.fasterxml.jackson.databind.module.SimpleModule("attnprof-values");
    module.addSerializer(java.time.Duration.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer());
    module.addDeserializer(java.time.Duration.class, new FromText<>(java.time.Duration.class, java.time.Duration::parse));
    module.addSerializer(Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer());
    module.addDeserializer(Path.class, new FromText<>(Path.class, Path::of));
    module.addSerializer(Enum.class, new EnumIds());
    return module;
  }

  /** Enums as {@link Ids} writes them. */
  @SuppressWarnings("rawtypes")
  private static final class EnumIds extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Enum> {
    EnumIds() {
      super(Enum.class);
    }

    @Override
    public void serialize(Enum value, com.fasterxml.jackson.core.JsonGenerator generator,
        com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
      generator.writeString(Ids.of(value));
    }
  }

  /** Enums read from their ids ({@code not-run}) as well as their names. */
  private static final class EnumsFromIds extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object handleWeirdStringValue(com.fasterxml.jackson.databind.DeserializationContext context,
        Class<?> type, String value, String failure) throws java.io.IOException {
      if (type.isEnum()) {
        Object constant = Ids.parse((Class) type, value);
        if (constant != null) {
          return constant;
        }
      }
      return NOT_HANDLED;
    }
  }

  /** A value read from its text. */
  private static final class FromText<T> extends com.fasterxml.jackson.databind.deser.std.FromStringDeserializer<T> {
    private final java.util.function.Function<String, T> parse;

    FromText(Class<T> type, java.util.function.Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    protected T _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
      return parse.apply(value);
    }
  }

  private Json() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a value to a file atomically ({@link AtomicFiles}): readers see the old file or the new one, never half
   * of one; the file is as readable as the umask allows, and no temporary file stays behind when it fails.
   */
  public static void write(Path file, Object value) {
    try {
      AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
