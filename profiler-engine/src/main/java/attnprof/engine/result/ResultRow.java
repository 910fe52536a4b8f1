package attnprof.engine.result;

/**
 * One measured quantity of one point, flat, as written to CSV and JSON: what was measured, the value
 * and its spread, how the point ended, and the run's environment.
 *
 * @param runId the run's id
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
 * @param direction {@code lower}, {@code higher} or {@code neither}: which way is better (neither: a detail, not
 *     compared)
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
    String runId,
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
    String direction,
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

  /** Columns as files before the engine's rebuild named them, by today's name. */
  public static final java.util.Map<String, String> FORMER_NAMES = java.util.Map.of("runId", "run",
      "direction", "better");

  /** A figure's row in a run, with the run's environment. */
  public static ResultRow of(String runId, Figure figure, RunEnvironment environment) {
    var summary = figure.summary();
    boolean ok = summary != null;
    PointSpec point = figure.point();
    return new ResultRow(runId, point.variant(), point.baseline(), point.modality(), point.preset(), point.input(),
        point.length(), point.lengthUnit(), point.batch(), point.mode().id(), point.device(), figure.metric(),
        ok ? summary.median() : null, figure.unit(), figure.direction().id(), ok ? summary.runs() : 0,
        ok ? summary.p10() : null, ok ? summary.p90() : null, ok ? summary.mad() : null,
        ok ? summary.ciLow() : null, ok ? summary.ciHigh() : null, ok ? summary.relativeSpread() : null,
        figure.status().id(), figure.message(), figure.parameters(), String.join("; ", figure.notes()),
        point.refinement(), environment.cpuModel(), environment.cpuCores(), environment.memoryBytes(),
        environment.jdk(), environment.tensorflow());
  }

  /**
   * The figure a row was written from, as far as a row says it: a point's configuration and the quantity's
   * description are not in rows.
   */
  public Figure toFigure() {
    PointSpec point = new PointSpec(variant, baseline, modality, preset, java.util.Map.of(), input, length, lengthUnit,
        batch, attnprof.api.Mode.of(mode), device, refinement);
    var quantity = new attnprof.api.metric.Quantity(metric, new attnprof.api.metric.Unit(unit),
        attnprof.api.metric.Direction.ofId(direction), "");
    var summary = value == null ? null : new attnprof.api.metric.Summary(value, or(p10, value), or(p90, value),
        or(mad, 0.0), or(ciLow, value), or(ciHigh, value), runs);
    PointStatus ended = java.util.Objects.requireNonNullElse(
        attnprof.engine.format.Ids.parse(PointStatus.class, status), PointStatus.ERROR);
    return new Figure(point, quantity, summary, ended, message,
        parameters, notes == null || notes.isEmpty() ? java.util.List.of() : java.util.List.of(notes.split("; ")));
  }

  private static double or(Double value, double otherwise) {
    return value == null ? otherwise : value;
  }
  /** The same row as part of another run, such as the merge of the shards that measured it. */
  public ResultRow withRun(String newRun) {
    return new ResultRow(newRun, variant, baseline, modality, preset, input, length, lengthUnit, batch, mode, device,
        metric, value, unit, direction, runs, p10, p90, mad, ciLow, ciHigh, spread, status, message, parameters, notes,
        refinement, cpuModel, cpuCores, memoryBytes, jdk, tensorflow);
  }

  /** Whether the point this row belongs to was measured. */
  public boolean ok() {
    return PointStatus.OK.id().equals(status) && value != null;
  }
}
