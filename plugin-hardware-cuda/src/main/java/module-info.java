/**
 * The CUDA GPU device plugin: {@code cuda:0}, {@code cuda:1}, ... through TensorFlow's GPU natives
 * (build with {@code -Pcuda}). Shipped as a jar in the launcher's plugins folder, loaded in a module
 * layer of its own: removing the jar removes the device and nothing else.
 */
module attnprof.plugin.cuda {
  requires attnprof.api;

  provides attnprof.api.device.DeviceAdapter with attnprof.plugin.cuda.CudaDevice;
}
