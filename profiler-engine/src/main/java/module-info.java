/**
 * The attnprof engine: finds plugins, plans and runs sweeps, measures points in child JVMs, finds
 * tipping points, writes results; and the {@code attnprof} launcher.
 *
 * <p>Embedders use the exported package {@code attnprof.engine} (start at {@link attnprof.engine.Profiler}).
 * The engine names no plugin: it finds them through the services it {@code uses}.
 */
module attnprof.engine {
  requires transitive attnprof.api;
  // transitive: Profiler.Builder.overrideWith takes Guice modules
  requires transitive com.google.guice;
  // Guice is an automatic module and declares nothing; its explicit dependencies must be required here
  requires com.google.common;
  requires jakarta.inject;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires java.management;
  // the results database; its SQLite driver is bound as a java.sql.Driver service, not required
  requires java.sql;
  requires java.desktop;
  // bootstrap resampling for confidence intervals
  requires org.apache.commons.rng.api;
  requires org.apache.commons.rng.simple;
  requires org.apache.commons.statistics.descriptive;
  requires org.jfree.jfreechart;
  requires org.jfree.svg;

  exports attnprof.engine;
  exports attnprof.engine.request;
  exports attnprof.engine.result;
  exports attnprof.engine.plugins;
  exports attnprof.engine.format;
  // the testkit evaluates models in process (its ModelEvaluator) with the engine's graph tools
  exports attnprof.engine.internal.graph to attnprof.testkit;
  exports attnprof.engine.internal.measure to attnprof.testkit;

  uses attnprof.api.model.ModelVariant;
  uses attnprof.api.input.InputGenerator;
  uses attnprof.api.metric.Metric;
  uses attnprof.api.device.DeviceAdapter;
  uses attnprof.api.mixer.MixerProvider;
  uses attnprof.api.mixer.MixerBody;

  provides attnprof.api.device.DeviceAdapter with attnprof.engine.internal.device.CpuDevice;
  provides attnprof.api.metric.Metric with
      attnprof.engine.internal.metrics.LatencyMetric,
      attnprof.engine.internal.metrics.ThroughputMetric,
      attnprof.engine.internal.metrics.PeakMemoryMetric,
      attnprof.engine.internal.metrics.ResidentMemoryMetric,
      attnprof.engine.internal.metrics.BreakdownMetric,
      attnprof.engine.internal.metrics.FlopsMetric,
      attnprof.engine.internal.metrics.StreamingMetric;

  opens attnprof.engine to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.request to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.result to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.plugins to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.format to com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.point to com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.fork to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.wiring to com.google.guice;
  opens attnprof.engine.internal.registry to com.google.guice;
  opens attnprof.engine.internal.sweep to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.output to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.environment to com.google.guice;
  opens attnprof.engine.internal.tipping to com.google.guice;
  opens attnprof.engine.internal.measure to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.report to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.store to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.plan to com.google.guice, com.fasterxml.jackson.databind;
  opens attnprof.engine.internal.cli to info.picocli, com.fasterxml.jackson.databind;
}
