/**
 * The speech modality: HuBERT (vanilla) and L-HuBERT (local attention), and 16 kHz waveform inputs
 * (synthetic, or read from WAV files). Exports nothing: the engine reaches it only through the
 * services it provides.
 */
module attnprof.plugin.speech {
  requires attnprof.api;

  provides attnprof.api.model.ModelVariant with
      attnprof.plugin.speech.HubertVariant,
      attnprof.plugin.speech.LocalHubertVariant;
  provides attnprof.api.input.InputGenerator with attnprof.plugin.speech.WaveformInputs;
}
