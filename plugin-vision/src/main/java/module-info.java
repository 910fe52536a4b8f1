/**
 * The vision modality: ViT (vanilla), Swin (shifted window attention) and GLMix (convolution plus
 * attention among semantic slots); and square RGB image inputs (synthetic, or read from image files
 * with ImageIO). Exports nothing: the engine reaches it only through the services it provides.
 */
module attnprof.plugin.vision {
  requires attnprof.api;
  // ImageIO reads image files
  requires java.desktop;

  provides attnprof.api.model.ModelVariant with
      attnprof.plugin.vision.VitVariant,
      attnprof.plugin.vision.SwinVariant,
      attnprof.plugin.vision.GlmixVariant;
  provides attnprof.api.input.InputGenerator with attnprof.plugin.vision.ImageInputs;
  // ViT's body runs every plugin's token mixer
  provides attnprof.api.mixer.MixerBody with attnprof.plugin.vision.VitBody;
}
