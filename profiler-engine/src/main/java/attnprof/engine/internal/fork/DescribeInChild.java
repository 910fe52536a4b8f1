package attnprof.engine.internal.fork;

import attnprof.api.ProfilerException;
import attnprof.api.model.ModelConfig;
import attnprof.engine.format.Json;
import attnprof.engine.internal.environment.ThisJvm;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.plugins.VariantDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Describes a variant by building it in a child JVM ({@link DescribeWorker}), as a sweep measures it: a plugin whose
 * code throws, exits the JVM or hangs while its model is built gives one line and a user error here, and a hang is
 * cut off after a time limit, instead of taking the launcher down with it.
 */
public final class DescribeInChild {
  private static final String WORKER = "attnprof.engine/" + DescribeWorker.class.getName();

  private final PluginRegistry registry;
  private final Path pluginsFolder;
  private final Duration limit;

  /**
   * @param registry the launcher's plugins, for the variant's descriptor
   * @param pluginsFolder the plugins folder the child loads too, or null
   * @param limit how long building the model may take
   */
  public DescribeInChild(PluginRegistry registry, Path pluginsFolder, Duration limit) {
    this.registry = registry;
    this.pluginsFolder = pluginsFolder;
    this.limit = limit;
  }

  /**
   * The variant as {@code describe} prints it.
   *
   * @throws ProfilerException a user error, in one line, when the variant cannot be built (whatever its plugin did)
   */
  public VariantDescription describe(String variantId, String preset, Map<String, String> params) {
    var descriptor = registry.variant(variantId).descriptor();
    ModelConfig config = ModelConfig.resolve(descriptor, preset, params);
    Path work = null;
    try {
      work = Files.createTempDirectory("attnprof-describe-");
      Path answerFile = work.resolve("answer.json");
      Path log = work.resolve("child.log");
      List<String> args = new ArrayList<>(List.of(answerFile.toString(),
          pluginsFolder == null ? "" : pluginsFolder.toAbsolutePath().toString(), variantId, preset));
      params.forEach((name, value) -> args.add(name + "=" + value));
      ProcessBuilder builder = new ProcessBuilder(ThisJvm.command(WORKER, args.toArray(String[]::new)))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "1");
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw ProfilerException.user("building " + variantId + " to describe it took longer than "
            + limit.toSeconds() + " s, and was stopped (its plugin may hang); --timeout sets the limit");
      }
      if (!Files.isRegularFile(answerFile)) {
        String last = LogTail.lastMeaningfulLine(log);
        throw ProfilerException.user("the process building " + variantId + " to describe it ended with exit code "
            + process.exitValue() + " and no answer" + (last.isEmpty() ? "" : ": " + last));
      }
      DescribeWorker.Answer answer = Json.read(answerFile, DescribeWorker.Answer.class);
      if (answer.error() != null) {
        throw ProfilerException.user(answer.error());
      }
      return new VariantDescription(descriptor, config, answer.parameters(), answer.length(), answer.lengthUnit(),
          answer.notes());
    } catch (IOException e) {
      throw ProfilerException.user("cannot start a process to build " + variantId + " in: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProfilerException.user("interrupted while building " + variantId);
    } finally {
      ChildForkExecutor.deleteQuietly(work);
    }
  }
}
