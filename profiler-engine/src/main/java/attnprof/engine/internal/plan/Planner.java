package attnprof.engine.internal.plan;

import attnprof.api.ProfilerException;
import attnprof.engine.request.SweepRequest;

/**
 * Turns a sweep's request into its points, checking everything a user can get wrong before anything runs. A
 * plan file, once made, is run as written: shards, their resumes and their waves never plan again.
 */
public interface Planner {
  /** @throws ProfilerException a user error for the first thing wrong with the request */
  SweepPlan plan(SweepRequest request);
}
