/**
 * The speech modality plugin. Its variants arrive with their own issue; until then the module is empty
 * and provides nothing.
 */
module attnprof.plugin.speech {
  requires attnprof.api;
}
