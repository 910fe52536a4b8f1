package attnprof.engine.plugins;

import java.util.List;

/**
 * A variant the engine composed itself: a token mixer of one plugin on the vanilla body of another. The
 * registry lists it as a variant like any other; this says where its parts came from.
 */
public interface Composed {
  /** Where it came from, in words: the mixer's plugin and the body's. */
  String origin();

  /** The modules of its mixer and its body, {@code example.linear + attnprof.plugin.text}, or the one module of both. */
  String plugins();

  /** The modules of its mixer's plugin (first) and its body's. */
  List<Module> modules();

  /** The mixer's id. */
  String mixerId();
}
