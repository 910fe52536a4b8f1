package attnprof.engine.result;

/**
 * One measured quantity of one point, flat, as written to CSV and JSON: what was measured, the value
 * and its spread, how the point ended, and the run's environment.
 *
 * @param run the run's id
 * @param variant the variant id
 * @param baseline its baseline, empty for a vanilla variant
 * @param modality the modality
 * @param preset the preset
 * @param input {@code synthetic}, or the real input file's name
 * @param length the input length
 * @param lengthUnit its unit
 * @param batch inputs per step
 * @param mode {@code inference} or {@code training}
 * @param device the device id
 * @param metric the quantity's id, such as {@code latency} or {@code peak_memory.rss}
 * @param value the median, or null when the point did not end {@code ok}
 * @param unit the value's unit
 * @param better {@code lower} or {@code higher}: which direction is better
 * @param runs how many runs the value summarises
 * @param p10 the 10th percentile of the runs
 * @param p90 the 90th percentile
 * @param mad the median absolute deviation
 * @param ciLow the lower end of the median's confidence interval
 * @param ciHigh its upper end
 * @param spread (p90 - p10) / median
 * @param status {@code ok}, {@code oom}, {@code timeout} or {@code error}
 * @param message why the point did not end {@code ok}
 * @param parameters the model's parameter count
 * @param notes what the model changed to fit the input, {@code ; }-separated
 * @param refinement whether the point was added after the grid to narrow a tipping point down
 * @param cpuModel the host's CPU
 * @param cpuCores its cores
 * @param memoryBytes its memory
 * @param jdk the Java runtime
 * @param tensorflow TensorFlow's version
 */
public record ResultRow(
    String run,
    String variant,
    String baseline,
    String modality,
    String preset,
    String input,
    double length,
    String lengthUnit,
    int batch,
    String mode,
    String device,
    String metric,
    Double value,
    String unit,
    String better,
    int runs,
    Double p10,
    Double p90,
    Double mad,
    Double ciLow,
    Double ciHigh,
    Double spread,
    String status,
    String message,
    long parameters,
    String notes,
    boolean refinement,
    String cpuModel,
    int cpuCores,
    long memoryBytes,
    String jdk,
    String tensorflow) {

  /** The same row as part of another run, such as the merge of the shards that measured it. */
  public ResultRow withRun(String newRun) {
    return new ResultRow(newRun, variant, baseline, modality, preset, input, length, lengthUnit, batch, mode, device,
        metric, value, unit, better, runs, p10, p90, mad, ciLow, ciHigh, spread, status, message, parameters, notes,
        refinement, cpuModel, cpuCores, memoryBytes, jdk, tensorflow);
  }

  /** Whether the point this row belongs to was measured. */
  public boolean ok() {
    return PointStatus.OK.id().equals(status) && value != null;
  }
}
