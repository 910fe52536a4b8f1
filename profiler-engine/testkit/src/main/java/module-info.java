/**
 * The attnprof testkit, for plugins' tests only (no production module requires it): the conformance suite
 * every variant passes ({@link attnprof.testkit.VariantConformance}), the real launcher
 * ({@link attnprof.testkit.Launcher}), the results a run wrote ({@link attnprof.testkit.ResultsFolder}), and
 * a headless Chromium for reports ({@link attnprof.testkit.HeadlessBrowser}); and {@code attnprof verify}
 * ({@link attnprof.testkit.Verify}), the suites on plugin jars from the launcher.
 */
module attnprof.testkit {
  requires transitive attnprof.engine;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires transitive org.junit.jupiter.api;
  requires org.assertj.core;

  exports attnprof.testkit;

  // attnprof verify loads the mixers of the jars it checks
  uses attnprof.api.mixer.MixerProvider;
}
