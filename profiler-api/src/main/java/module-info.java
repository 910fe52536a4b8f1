/**
 * The attnprof service-provider interface: everything a plugin author sees.
 *
 * <p>Plugins implement {@link attnprof.api.model.ModelVariant}, {@link attnprof.api.input.InputGenerator},
 * {@link attnprof.api.metric.Metric}, {@link attnprof.api.device.DeviceAdapter}, or a token mixer that runs on every
 * modality's body ({@link attnprof.api.mixer.MixerProvider}; modality plugins offer the bodies,
 * {@link attnprof.api.mixer.MixerBody}) and declare them with
 * {@code provides ... with ...}. The engine finds them with {@link java.util.ServiceLoader}. Shared
 * building blocks for TensorFlow graphs live in {@code attnprof.api.nn}.
 */
module attnprof.api {
  requires transitive tensorflow;
  requires transitive org.tensorflow.ndarray;
  // the step-stats and session-config protocol buffers are part of the device and metric contracts
  requires transitive com.google.protobuf;

  exports attnprof.api;
  exports attnprof.api.model;
  exports attnprof.api.input;
  exports attnprof.api.metric;
  exports attnprof.api.device;
  exports attnprof.api.nn;
  exports attnprof.api.mixer;
}
