package attnprof.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages of compiled classes and which others each refers to, read from the class files' constant pools
 * (class references, descriptors and signatures all name classes as {@code a/b/C}), and the cycles among them.
 */
final class PackageGraph {
  private PackageGraph() {
  }

  /** Each package under {@code prefix} (a path such as {@code attnprof/engine/}) and the others it refers to. */
  static Map<String, Set<String>> ofClasses(Path classes, String prefix) throws IOException {
    Pattern name = Pattern.compile(Pattern.quote(prefix) + "(?:[a-z_][\\w]*/)*[A-Z][\\w$]*");
    Map<String, Set<String>> graph = new TreeMap<>();
    try (var files = Files.walk(classes.resolve(prefix))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String from = packageOf(classes.relativize(file).toString().replace('\\', '/'));
        Set<String> to = graph.computeIfAbsent(from, p -> new TreeSet<>());
        Matcher matcher = name.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
          String other = packageOf(matcher.group());
          if (!other.equals(from)) {
            to.add(other);
          }
        }
      }
    }
    return graph;
  }

  private static String packageOf(String classPath) {
    return classPath.substring(0, classPath.lastIndexOf('/')).replace('/', '.');
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted. */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).components();
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<Set<String>> components() {
      graph.keySet().forEach(node -> {
        if (!index.containsKey(node)) {
          visit(node);
        }
      });
      return components;
    }

    private void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      for (String next : graph.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (stack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }
}
