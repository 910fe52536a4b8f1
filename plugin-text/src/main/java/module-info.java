/**
 * The text modality: BERT (vanilla), Longformer and Nyströmformer, and token-id inputs. Exports
 * nothing: the engine reaches it only through the services it provides.
 */
module attnprof.plugin.text {
  requires attnprof.api;

  provides attnprof.api.model.ModelVariant with
      attnprof.plugin.text.BertVariant,
      attnprof.plugin.text.LongformerVariant,
      attnprof.plugin.text.NystromformerVariant;
  provides attnprof.api.input.InputGenerator with attnprof.plugin.text.TokenIdInputs;
  // BERT's body runs every plugin's token mixer
  provides attnprof.api.mixer.MixerBody with attnprof.plugin.text.BertBody;
}
