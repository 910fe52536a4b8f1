package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.Point;
import attnprof.engine.plugins.Composed;
import attnprof.engine.plugins.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a plan's points were resolved with, beyond attnprof itself: the version of each plugin module that provides
 * one of its variants, metrics or its device, and the SHA-256 of each real input file. A shard checks it before
 * its first point, so that points resolved with one plugin or file are never measured with another.
 *
 * @param plugins each module's version ({@code unversioned} without one, {@code class path} for an unnamed one)
 * @param inputs each real input file's SHA-256 by its path ({@code missing} when it cannot be read)
 */
public record Fingerprint(Map<String, String> plugins, Map<String, String> inputs) {
  public Fingerprint {
    plugins = Map.copyOf(plugins);
    inputs = Map.copyOf(inputs);
  }

  /** The fingerprint of these points as the registry resolves them here. */
  public static Fingerprint of(PluginRegistry registry, List<Point> points) {
    Map<String, String> plugins = new TreeMap<>();
    Map<String, String> inputs = new TreeMap<>();
    for (Point point : points) {
      var variant = registry.variant(point.variant());
      List<Module> modules = new ArrayList<>(variant instanceof Composed composed ? composed.modules()
          : List.of(variant.getClass().getModule()));
      point.metrics().forEach(id -> modules.add(registry.metric(id).getClass().getModule()));
      modules.add(registry.device(point.device()).getClass().getModule());
      modules.forEach(module -> plugins.put(module.isNamed() ? module.getName() : "class path", version(module)));
      if (point.inputFile() != null) {
        inputs.computeIfAbsent(point.inputFile(), file -> sha256(Path.of(file)));
      }
    }
    return new Fingerprint(plugins, inputs);
  }

  /** What differs from {@code here}, in words; empty when nothing does. */
  public String differenceFrom(Fingerprint here) {
    List<String> differences = new ArrayList<>();
    plugins.forEach((module, version) -> {
      String now = here.plugins().get(module);
      if (now == null) {
        differences.add(module + " " + version + " is not loaded here");
      } else if (!now.equals(version)) {
        differences.add(module + " was " + version + ", here " + now);
      }
    });
    inputs.forEach((file, hash) -> {
      String now = here.inputs().get(file);
      if (!hash.equals(now)) {
        differences.add("input " + file + (now == null || now.equals(MISSING) ? " cannot be read here"
            : " changed (SHA-256 " + hash.substring(0, Math.min(12, hash.length())) + "... in the plan, "
                + now.substring(0, Math.min(12, now.length())) + "... here)"));
      }
    });
    return String.join("; ", differences);
  }

  private static final String MISSING = "missing";

  private static String version(Module module) {
    if (!module.isNamed() || module.getDescriptor() == null) {
      return "unversioned";
    }
    return module.getDescriptor().rawVersion().orElse("unversioned");
  }

  private static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      return MISSING;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
