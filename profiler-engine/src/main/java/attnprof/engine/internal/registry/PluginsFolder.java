package attnprof.engine.internal.registry;

import java.nio.file.Path;

/**
 * The plugins folder the engine was started with, passed on to child JVMs so that they load the
 * same plugins.
 *
 * @param path the folder, or null for none
 */
public record PluginsFolder(Path path) {
}
