package attnprof.engine.internal.fork;

import attnprof.api.ProfilerException;
import attnprof.engine.format.Json;
import attnprof.engine.internal.measure.ModelInspector;
import attnprof.engine.internal.registry.PluginLoader;
import attnprof.engine.plugins.VariantDescription;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of a child JVM that builds one variant to describe it ({@link DescribeInChild}): the plugin's code
 * runs here, where a throw, an exit or a hang costs this process, not the launcher. Writes what it found, or the
 * one line that says why it could not, to its answer file; exits 0 either way.
 */
public final class DescribeWorker {
  private DescribeWorker() {
  }

  /** What the child found, or the one line that says why it could not. */
  record Answer(long parameters, double length, String lengthUnit, List<String> notes, String error) {
  }

  /** {@code ANSWER_FILE PLUGINS_FOLDER_OR_EMPTY VARIANT PRESET [NAME=VALUE...]}. */
  public static void main(String[] args) {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    Path answerFile = Path.of(args[0]);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 4; i < args.length; i++) {
      params.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
    }
    Answer answer;
    try {
      PluginLoader loader = new PluginLoader(args[1].isEmpty() ? null : Path.of(args[1]), List.of());
      VariantDescription description = new ModelInspector(loader.load()).describe(args[2], args[3], params);
      answer = new Answer(description.parameters(), description.length(), description.lengthUnit(),
          description.notes(), null);
    } catch (ProfilerException e) {
      answer = new Answer(0, 0, "", List.of(), e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      answer = new Answer(0, 0, "", List.of(), "cannot describe " + args[2] + ": its plugin failed building it: "
          + e);
    }
    Json.write(answerFile, answer);
    // TensorFlow's thread pools are not daemons; leave without waiting for them
    System.exit(0);
  }
}
