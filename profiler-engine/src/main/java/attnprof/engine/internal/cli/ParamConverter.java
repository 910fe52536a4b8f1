package attnprof.engine.internal.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** Reads {@code --param name=value} options into a map. */
final class ParamConverter {
  private ParamConverter() {
  }

  static Map<String, String> toMap(CommandLine commandLine, List<String> params) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String param : params) {
      int equals = param.indexOf('=');
      if (equals < 1) {
        throw new ParameterException(commandLine, "--param needs name=value, got `" + param + "`");
      }
      map.put(param.substring(0, equals).trim(), param.substring(equals + 1).trim());
    }
    return map;
  }
}
