package attnprof.engine.request;

/**
 * The default of every sweep setting, in one place: {@link SweepRequest.Builder} starts from them and the
 * launcher's options show them, as text, the way the command line takes them.
 */
public final class SweepDefaults {
  public static final String MODALITY = "text";
  public static final String PRESET = "small";
  public static final String BATCHES = "1";
  public static final String MODES = "inference,training";
  public static final String METRICS = "latency,throughput,peak-memory,breakdown,flops,streaming";
  public static final String DEVICE = "cpu";
  public static final int THREADS = 0;
  public static final int RUNS = 5;
  public static final long MIN_TIME_MILLIS = 1000;
  public static final int WARMUP = MeasuringSettings.WARMUP_UNTIL_STEADY;
  /** The default warm-up as {@code --warmup} takes it. */
  public static final String WARMUP_TEXT = "auto";
  public static final int FORKS = 2;
  public static final long TIMEOUT_SECONDS = 300;
  public static final long SEED = 42;
  /** The noise threshold in percent, as {@code --noise} takes it. */
  public static final int NOISE_PERCENT = 2;
  public static final String REFINE = "auto";
  public static final long REFINE_BUDGET_SECONDS = 120;

  private SweepDefaults() {
  }
}
