/**
 * The speech modality: HuBERT (vanilla), L-HuBERT (local attention), and HuBERT with the linear-time
 * token mixers SummaryMixing, HyperMixing, Fastformer and Mamba; and 16 kHz waveform inputs
 * (synthetic, or read from WAV files). Exports nothing: the engine reaches it only through the
 * services it provides.
 */
module attnprof.plugin.speech {
  requires attnprof.api;

  provides attnprof.api.model.ModelVariant with
      attnprof.plugin.speech.HubertVariant,
      attnprof.plugin.speech.LocalHubertVariant,
      attnprof.plugin.speech.SummaryMixingVariant,
      attnprof.plugin.speech.HyperMixingVariant,
      attnprof.plugin.speech.FastformerVariant,
      attnprof.plugin.speech.MambaVariant;
  provides attnprof.api.input.InputGenerator with attnprof.plugin.speech.WaveformInputs;
}
