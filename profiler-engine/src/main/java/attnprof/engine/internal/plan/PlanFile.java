package attnprof.engine.internal.plan;

import attnprof.engine.internal.point.PlannedPoint;
import attnprof.engine.internal.point.PointIds;
import attnprof.api.ProfilerException;
import attnprof.engine.request.Shard;
import attnprof.engine.format.Json;
import attnprof.engine.request.SweepRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A sweep resolved into its points: the reproducible record of a sweep, which {@code sweep --plan} runs
 * (whole or a shard of it) and {@code merge} checks shards against.
 *
 * @param format {@value #FORMAT}
 * @param planId a hash of the plan's point ids: two plans of the same points have the same id
 * @param attnprofVersion the version that made the plan; another version refuses to run it
 * @param createdAt when the plan was made
 * @param device the device id its points run on
 * @param predictedFrom how the predicted costs were obtained
 * @param request the sweep's settings: how each point is measured
 * @param fingerprint the plugin versions and input files the points were resolved with, which a shard checks
 *     before its first point
 * @param points the points, resolved, in the order the sweep measures them: a shard runs them as written
 * @param refines for a refinement wave ({@code attnprof plan --refine RUN}), the plan whose merged run it
 *     narrows down (its merge takes that merged run too), else null
 */
public record PlanFile(String format, String planId, String attnprofVersion, String createdAt, String device,
    String predictedFrom, SweepRequest request, Fingerprint fingerprint, List<PlannedPoint> points,
    String refines) {
  public static final String FORMAT = "attnprof-plan/2";

  public PlanFile {
    points = List.copyOf(points);
  }

  /** The id of a plan of these points, refining the plan {@code refines} (or null). */
  public static String idOf(List<PlannedPoint> points, String refines) {
    String ids = points.stream().map(PlannedPoint::id).sorted().collect(Collectors.joining(","));
    return "plan-" + PointIds.hash(refines == null ? ids : ids + "|refines=" + refines).substring(0, 12);
  }

  /**
   * Refuses a plan edited since {@code attnprof plan} wrote it: its id is its points' and its {@code refines}', each
   * point's key and label are its point's, and a point of synthetic inputs has the id its settings give (a point
   * of an input file is checked by the fingerprint, as the file's folder differs between machines).
   */
  private static void refuseEdits(PlanFile plan, String where) {
    String edited = where + " was edited after `attnprof plan` made it: ";
    if (!idOf(plan.points(), plan.refines()).equals(plan.planId())) {
      throw ProfilerException.user(edited + "its id " + plan.planId() + " is not that of its points"
          + (plan.refines() == null ? "" : " and the plan it refines") + "; make the plan again");
    }
    String settings = plan.request().measuring().idText();
    for (PlannedPoint point : plan.points()) {
      if (point.point() == null || !point.point().key().toString().equals(point.key())
          || !point.point().label().equals(point.label()) || point.point().inputFile() == null
          && !PointIds.of(point.point(), settings, plan.attnprofVersion()).equals(point.id())) {
        throw ProfilerException.user(edited + "point " + point.id() + " (" + point.label() + ") is not what its "
            + "id, key and label say; make the plan again");
      }
    }
  }

  /** Predicted seconds of all points. */
  public double predictedSeconds() {
    return points.stream().mapToDouble(PlannedPoint::predictedSeconds).sum();
  }

  /**
   * Deals the cells of the plan to {@code count} shards by predicted cost: the costliest cell first, each to
   * the shard with the least predicted time so far (the lowest-numbered on a tie). Each point goes to exactly
   * one shard, with the whole cell it is measured side by side with.
   *
   * @return each point id's shard, from 1
   */
  public Map<String, Integer> shardOfPoints(int count) {
    Map<Integer, List<PlannedPoint>> cells = new TreeMap<>();
    points.forEach(p -> cells.computeIfAbsent(p.cell(), c -> new ArrayList<>()).add(p));
    List<List<PlannedPoint>> byCost = new ArrayList<>(cells.values());
    byCost.sort(Comparator.comparingDouble((List<PlannedPoint> cell) -> -cost(cell))
        .thenComparingInt(cell -> cell.get(0).cell()));
    double[] load = new double[count];
    Map<String, Integer> shardOf = new LinkedHashMap<>();
    for (List<PlannedPoint> cell : byCost) {
      int least = 0;
      for (int shard = 1; shard < count; shard++) {
        if (load[shard] < load[least]) {
          least = shard;
        }
      }
      load[least] += cost(cell);
      for (PlannedPoint point : cell) {
        shardOf.put(point.id(), least + 1);
      }
    }
    return shardOf;
  }

  /** The ids of the points of one shard. */
  public Set<String> pointsOf(Shard shard) {
    return shardOfPoints(shard.count()).entrySet().stream().filter(e -> e.getValue() == shard.index())
        .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /**
   * The points of one shard, as the plan holds them (a shard never plans them again), with the quantities their
   * metrics yield here.
   */
  public SweepPlan planOf(Shard shard, attnprof.engine.plugins.PluginRegistry registry) {
    Set<String> mine = pointsOf(shard);
    List<attnprof.engine.internal.point.Point> chosen = points.stream().filter(p -> mine.contains(p.id()))
        .map(PlannedPoint::point).toList();
    return SweepPlan.of(chosen, registry);
  }

  /** Predicted seconds of each shard, from shard 1. */
  public double[] predictedSecondsOfShards(int count) {
    Map<String, Integer> shardOf = shardOfPoints(count);
    double[] seconds = new double[count];
    points.forEach(p -> seconds[shardOf.get(p.id()) - 1] += p.predictedSeconds());
    return seconds;
  }

  private static double cost(List<PlannedPoint> cell) {
    return cell.stream().mapToDouble(PlannedPoint::predictedSeconds).sum();
  }

  /** The plan's name in a run's folder, beside its results: the record of what was asked. */
  public static final String FILE_NAME = "plan.json";

  /**
   * Writes the plan to {@code file} (atomically, its folder made when missing).
   *
   * @return the plan's id
   * @throws ProfilerException a user error when it cannot be written
   */
  public String writeTo(Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      attnprof.engine.format.AtomicFiles.write(file,
          toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return planId();
    } catch (IOException e) {
      throw ProfilerException.user("cannot write the plan " + file + ": " + e.getMessage());
    }
  }

  public String toJson() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a plan: " + e.getMessage(), e);
    }
  }

  public static PlanFile fromJson(String json, String where) {
    PlanFile plan;
    try {
      plan = Json.mapper().readValue(json, PlanFile.class);
    } catch (JsonProcessingException e) {
      throw ProfilerException.user(where + " is not an attnprof plan: " + e.getOriginalMessage());
    }
    if (plan != null && plan.format() != null && plan.format().startsWith("attnprof-plan/")
        && !FORMAT.equals(plan.format())) {
      throw ProfilerException.user(where + " is a plan of another attnprof (" + plan.format() + "; this one runs "
          + FORMAT + "): make the plan again with this attnprof");
    }
    if (plan == null || !FORMAT.equals(plan.format()) || plan.request() == null || plan.points() == null
        || plan.fingerprint() == null) {
      throw ProfilerException.user(where + " is not an attnprof plan (no `format`: \"" + FORMAT + "\")");
    }
    refuseEdits(plan, where);
    return plan;
  }

  /** Reads a plan file, with a user error when it is missing or not a plan. */
  public static PlanFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ProfilerException.user("no plan file at " + file + " (make one with `attnprof plan ... --out "
          + file.getFileName() + "`)");
    }
    try {
      return fromJson(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw ProfilerException.user("cannot read the plan " + file + ": " + e.getMessage());
    }
  }
}
