package attnprof.engine.internal.fork;

import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.internal.measure.CellMeasurer;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** Child JVMs, or this JVM when the request says in-process. */
public final class DefaultForkExecutors implements ForkExecutors {
  private final PluginRegistry registry;

  @Inject
  public DefaultForkExecutors(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ForkExecutor create(SweepRequest request, Path logFolder) {
    return request.inProcess()
        ? new InProcessForkExecutor(new CellMeasurer(registry, line -> { }))
        : new ChildForkExecutor(registry, logFolder);
  }
}
