/** An example attnprof plugin: linear attention as a token mixer that runs on every modality's body. */
module attnprof.example.linear {
  requires attnprof.api;

  provides attnprof.api.mixer.MixerProvider with attnprof.example.linear.LinearAttention;
}
