/**
 * The speech modality, three families, a package each: HuBERT (vanilla), L-HuBERT (local attention), and
 * HuBERT's body with the linear-time token mixers SummaryMixing, HyperMixing, Fastformer and Mamba, which the
 * engine composes through the mixer SPI ({@code .hubert}); the BEST-RQ study's Conformer with relative-position
 * self-attention (the baseline) and with each of those mixers at the study's widths, its log-mel front end in the
 * graph ({@code .brq}); the streaming SummaryMixing recipe's Conformer, whole or chunk by chunk ({@code .streaming});
 * the mixers themselves ({@code .mixers}); and 16 kHz waveform inputs (synthetic, or read from WAV files). Exports nothing: the engine reaches it only through the
 * services it provides.
 */
module attnprof.plugin.speech {
  requires attnprof.api;

  provides attnprof.api.model.ModelVariant with
      attnprof.plugin.speech.hubert.HubertVariant,
      attnprof.plugin.speech.hubert.LocalHubertVariant,
      attnprof.plugin.speech.brq.BrqMhsaVariant,
      attnprof.plugin.speech.brq.BrqSummaryMixingVariant,
      attnprof.plugin.speech.brq.BrqHyperMixingVariant,
      attnprof.plugin.speech.brq.BrqFastformerVariant,
      attnprof.plugin.speech.brq.BrqMambaVariant,
      attnprof.plugin.speech.streaming.StreamingMhsaVariant,
      attnprof.plugin.speech.streaming.StreamingSummaryMixingVariant;
  // HuBERT's body with each linear-time mixer: the engine composes them as it would any plugin's mixer
  provides attnprof.api.mixer.MixerProvider with
      attnprof.plugin.speech.hubert.SummaryMixingMixer,
      attnprof.plugin.speech.hubert.HyperMixingMixer,
      attnprof.plugin.speech.hubert.FastformerMixer,
      attnprof.plugin.speech.hubert.MambaMixer;
  provides attnprof.api.input.InputGenerator with attnprof.plugin.speech.WaveformInputs;
  // HuBERT's and the BEST-RQ Conformer's bodies run every plugin's token mixer
  provides attnprof.api.mixer.MixerBody with attnprof.plugin.speech.hubert.HubertBody, attnprof.plugin.speech.brq.BrqBody;
}
