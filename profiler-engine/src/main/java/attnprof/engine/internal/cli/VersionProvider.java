package attnprof.engine.internal.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code attnprof --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"attnprof " + attnprof.engine.Profiler.version()};
  }
}
