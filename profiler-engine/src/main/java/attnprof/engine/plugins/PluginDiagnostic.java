package attnprof.engine.plugins;

import java.util.Objects;

/**
 * One thing that went wrong while loading plugins: a jar that could not be loaded, a provider whose
 * constructor threw, a duplicate id. One line each; everything else keeps working.
 *
 * @param severity whether the plugin was skipped ({@code WARNING}) or an id is unusable ({@code ERROR})
 * @param source the module or jar it concerns
 * @param message what went wrong, and what to do
 */
public record PluginDiagnostic(Severity severity, String source, String message) {
  /** How bad a diagnostic is. */
  public enum Severity { WARNING, ERROR }

  public PluginDiagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** The one line shown to users. */
  public String line() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + source + ": " + message;
  }
}
