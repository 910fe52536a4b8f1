package attnprof.engine;

import attnprof.engine.plugins.PluginRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An embedder replaces engine parts through Guice overrides. */
class ProfilerWiringTest {

  @Test
  void anEmbedderCanReplaceTheClock() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    Profiler profiler = Profiler.builder().overrideWith(new AbstractModule() {
      @Override
      protected void configure() {
        bind(Clock.class).toInstance(fixed);
      }
    }).build();

    assertThat(profiler.newRunId()).matches("run-2026010[12]-\\d{6}");
  }

  @Test
  void withoutOverridesTheEngineFindsItsOwnProviders() {
    PluginRegistry registry = Profiler.builder().build().registry();

    assertThat(registry.metrics()).extracting(m -> m.descriptor().id()).contains("latency", "peak-memory");
    assertThat(registry.diagnostics()).isEmpty();
  }
}
