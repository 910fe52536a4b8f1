/**
 * The speech modality, two families: HuBERT (vanilla), L-HuBERT (local attention), and HuBERT with the
 * linear-time token mixers SummaryMixing, HyperMixing, Fastformer and Mamba; and the BEST-RQ study's
 * Conformer with relative-position self-attention (the baseline) and with each of those mixers at the
 * study's widths, its log-mel front end in the graph; and 16 kHz waveform inputs
 * (synthetic, or read from WAV files). Exports nothing: the engine reaches it only through the
 * services it provides.
 */
module attnprof.plugin.speech {
  requires attnprof.api;

  provides attnprof.api.model.ModelVariant with
      attnprof.plugin.speech.HubertVariant,
      attnprof.plugin.speech.LocalHubertVariant,
      attnprof.plugin.speech.BrqMhsaVariant,
      attnprof.plugin.speech.BrqSummaryMixingVariant,
      attnprof.plugin.speech.BrqHyperMixingVariant,
      attnprof.plugin.speech.BrqFastformerVariant,
      attnprof.plugin.speech.BrqMambaVariant,
      attnprof.plugin.speech.StreamingMhsaVariant,
      attnprof.plugin.speech.StreamingSummaryMixingVariant;
  // HuBERT's body with each linear-time mixer: the engine composes them as it would any plugin's mixer
  provides attnprof.api.mixer.MixerProvider with
      attnprof.plugin.speech.SummaryMixingMixer,
      attnprof.plugin.speech.HyperMixingMixer,
      attnprof.plugin.speech.FastformerMixer,
      attnprof.plugin.speech.MambaMixer;
  provides attnprof.api.input.InputGenerator with attnprof.plugin.speech.WaveformInputs;
  // HuBERT's and the BEST-RQ Conformer's bodies run every plugin's token mixer
  provides attnprof.api.mixer.MixerBody with attnprof.plugin.speech.HubertBody, attnprof.plugin.speech.BrqBody;
}
