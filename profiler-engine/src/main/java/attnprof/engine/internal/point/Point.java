package attnprof.engine.internal.point;

import attnprof.engine.result.Lengths;
import attnprof.engine.result.OfPoint;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.PointSpec;
import attnprof.engine.result.PointStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep, resolved before any process measures it, as a plan file keeps it and a measuring process
 * builds it: what it measures ({@link PointSpec}), which parameters the user set, the real input file, and how
 * it is measured. Nothing about it is looked up again by whoever runs it.
 *
 * @param index the point's position in its sweep, from 0
 * @param spec what the point measures
 * @param params the parameters the user set (the rest of {@code spec.config()} comes from the preset)
 * @param inputFile the real input file's absolute path, or null for synthetic inputs
 * @param threads TensorFlow's op threads, 0 for its default
 * @param metrics the ids of the metrics to measure
 * @param seed the seed of weights and synthetic inputs
 */
public record Point(int index, PointSpec spec, Map<String, String> params, String inputFile, int threads,
    List<String> metrics, long seed) implements OfPoint {

  public Point {
    Objects.requireNonNull(spec, "spec");
    params = Map.copyOf(params);
    metrics = List.copyOf(metrics);
  }

  /** What the point measures: its {@code spec}. */
  @Override
  public PointSpec point() {
    return spec;
  }

  /** What makes the point one point of its run, whatever its position. */
  public PointKey key() {
    return new PointKey(spec.variant(), inputFile == null ? PointSpec.SYNTHETIC : inputFile, spec.length(),
        spec.mode(), spec.batch());
  }

  /** The same point at another position in the sweep. */
  public Point withIndex(int newIndex) {
    return new Point(newIndex, spec, params, inputFile, threads, metrics, seed);
  }

  /** The same point at another length, added after the grid to narrow a tipping point down, at {@code newIndex}. */
  public Point refinedAt(double length, int newIndex) {
    return new Point(newIndex, spec.atLength(length).asRefinement(), params, inputFile, threads, metrics, seed);
  }

  /** The same point, added after the grid to narrow a tipping point down. */
  public Point asRefinement() {
    return new Point(index, spec.asRefinement(), params, inputFile, threads, metrics, seed);
  }

  /** The same point measuring other metrics. */
  public Point withMetrics(List<String> newMetrics) {
    return new Point(index, spec, params, inputFile, threads, newMetrics, seed);
  }

  /** A name for the point's files (logs, traces): {@code text_bert-512-inference-b1}. */
  public String fileName() {
    String input = inputFile == null ? "" : "-" + java.nio.file.Path.of(inputFile).getFileName();
    return (spec.variant() + input + "-" + Lengths.exact(spec.length()) + "-" + spec.mode().id() + "-b"
        + spec.batch()).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** A short label for progress and log files: {@code text/bert 512 inference b1}. */
  public String label() {
    return spec.label();
  }

  /** The point ended without measurements: the status and message say how. */
  public PointResult failed(PointStatus status, String message, double seconds) {
    return PointResult.failed(spec, status, message, seconds);
  }

  /** {@code synthetic}, or the real input file's name. */
  public String inputName() {
    return spec.input();
  }
}
