package attnprof.engine.internal.fork;

import attnprof.engine.result.PointResult;
import attnprof.engine.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a measuring child JVM and the sweep that started it talk, through files in the child's work
 * folder: the child appends one line per event to {@code events} (which phase of which point it is
 * in) and writes each point's result to {@code point-INDEX.json} before saying the point finished.
 * The sweep reads the lines as they come, to hold each phase to its time limit and to know, when the
 * child dies, which point it was on.
 */
public final class ForkProtocol {
  public static final String LOADING = "loading";
  public static final String TIMING = "timing";
  public static final String MEASURING = "measuring";
  public static final String FINISHED = "finished";
  public static final String END = "end";

  private final Path folder;

  public ForkProtocol(Path folder) {
    this.folder = folder;
  }

  Path events() {
    return folder.resolve("events");
  }

  Path result(int index) {
    return folder.resolve("point-" + index + ".json");
  }

  /** One line of the events file: what happened, to which point (-1 for none), with a number. */
  record Event(String kind, int index, double seconds) {
  }

  public void say(String kind, int index) {
    append(kind + " " + index);
  }

  public void sayTiming(double seconds) {
    append(String.format(Locale.ROOT, "%s -1 %.3f", TIMING, seconds));
  }

  public void sayEnd() {
    append(END + " -1");
  }

  public void writeResult(int index, PointResult result) {
    Json.write(result(index), result);
    say(FINISHED, index);
  }

  PointResult readResult(int index) {
    return Json.read(result(index), PointResult.class);
  }

  private void append(String line) {
    try {
      Files.writeString(events(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + events(), e);
    }
  }

  /** The events written since {@code seen} were read; complete lines only. */
  List<Event> read(int seen) {
    List<Event> events = new ArrayList<>();
    if (!Files.isRegularFile(events())) {
      return events;
    }
    try {
      String text = Files.readString(events(), StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      // the last element is what follows the last newline: a line still being written, or nothing
      for (int i = seen; i < lines.length - 1; i++) {
        String[] parts = lines[i].trim().split(" ");
        events.add(new Event(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? Double.parseDouble(parts[2]) : 0));
      }
    } catch (IOException | RuntimeException e) {
      // a line cut short is read again next time
    }
    return events;
  }
}
