/**
 * The CUDA GPU device plugin. Its adapter arrives with its own issue; until then the module is
 * empty and provides nothing.
 */
module attnprof.plugin.cuda {
  requires attnprof.api;
}
