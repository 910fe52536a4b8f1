package attnprof.engine.internal.sweep;

import attnprof.engine.internal.plan.SweepPlan;
import attnprof.engine.internal.point.PointKey;
import attnprof.engine.request.SweepRequest;
import attnprof.engine.result.PointResult;
import attnprof.engine.result.RunEnvironment;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link Session} measures: a run's points, already resolved, and what the run holds of them already.
 * A new run, a resumed one, a shard and a refinement wave each make one; the session never plans.
 *
 * @param request the sweep's settings: how to measure, refine and where to write
 * @param plan the points and the quantities each should yield
 * @param runId the run's id in its database
 * @param started when the run started
 * @param environment where it runs
 * @param stored the points the run holds already (a resumed run's), by key; they are not measured again
 */
record SweepSetup(SweepRequest request, SweepPlan plan, String runId, Instant started, RunEnvironment environment,
    Map<PointKey, PointResult> stored) {
  SweepSetup {
    stored = Map.copyOf(stored);
  }
}
