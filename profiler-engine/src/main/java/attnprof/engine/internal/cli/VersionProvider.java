package attnprof.engine.internal.cli;

import attnprof.engine.internal.environment.EnvironmentProbe;
import picocli.CommandLine.IVersionProvider;

/** {@code attnprof --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"attnprof " + EnvironmentProbe.attnprofVersion()};
  }
}
