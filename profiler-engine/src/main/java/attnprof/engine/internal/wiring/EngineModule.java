package attnprof.engine.internal.wiring;

import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.ResultWriter;
import attnprof.engine.internal.output.CsvResultWriter;
import attnprof.engine.internal.output.JsonResultWriter;
import attnprof.engine.internal.registry.PluginLoader;
import attnprof.engine.internal.report.ReportWriter;
import attnprof.engine.internal.fork.DefaultForkExecutors;
import attnprof.engine.internal.fork.ForkExecutors;
import attnprof.engine.internal.registry.PluginsFolder;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The engine's parts and how they fit. An embedder replaces any of them through
 * {@code Profiler.builder().overrideWith(module)}: the clock, the plugin registry, the result writers.
 */
public final class EngineModule extends AbstractModule {
  private final Path pluginsFolder;
  private final List<Object> providers;

  public EngineModule(Path pluginsFolder, Collection<Object> providers) {
    this.pluginsFolder = pluginsFolder;
    this.providers = List.copyOf(providers);
  }

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.systemUTC());
    bind(PluginsFolder.class).toInstance(new PluginsFolder(pluginsFolder));
    bind(ForkExecutors.class).to(DefaultForkExecutors.class);
    bind(attnprof.engine.internal.plan.Planner.class).to(attnprof.engine.internal.plan.SweepPlanner.class);
    Multibinder<ResultWriter> writers = Multibinder.newSetBinder(binder(), ResultWriter.class);
    writers.addBinding().to(CsvResultWriter.class);
    writers.addBinding().to(JsonResultWriter.class);
    writers.addBinding().to(ReportWriter.class);
  }

  @Provides
  @Singleton
  PluginRegistry registry() {
    return new PluginLoader(pluginsFolder, providers).load();
  }
}
