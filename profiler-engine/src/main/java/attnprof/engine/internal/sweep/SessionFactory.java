package attnprof.engine.internal.sweep;

import attnprof.engine.internal.fork.ForkExecutors;
import attnprof.engine.internal.registry.PluginsFolder;
import attnprof.engine.internal.store.ResultStore;
import attnprof.engine.internal.tipping.TippingPointFinder;
import attnprof.engine.plugins.PluginRegistry;
import attnprof.engine.result.ProgressListener;
import attnprof.engine.result.ResultWriter;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;

/** Starts {@link Session}s with the engine's parts: plugins, result writers, analysis, fork executors, clock. */
public final class SessionFactory {
  final PluginRegistry registry;
  final Set<ResultWriter> writers;
  final TippingPointFinder tippingPointFinder;
  final ForkExecutors executors;
  final Clock clock;
  /** The plugins folder the engine loaded, which measuring processes load too, or null. */
  final String pluginsFolder;

  @Inject
  public SessionFactory(PluginRegistry registry, Set<ResultWriter> writers, TippingPointFinder tippingPointFinder,
      ForkExecutors executors, Clock clock, PluginsFolder pluginsFolder) {
    this.registry = registry;
    this.writers = writers;
    this.tippingPointFinder = tippingPointFinder;
    this.executors = executors;
    this.clock = clock;
    this.pluginsFolder = pluginsFolder.path() == null ? null : pluginsFolder.path().toString();
  }

  /**
   * A session of this setup, storing into {@code store} (or nowhere when null), telling {@code progress}.
   */
  Session open(SweepSetup setup, ResultStore store, ProgressListener progress) {
    return new Session(this, setup, store, progress);
  }
}
