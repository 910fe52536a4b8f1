package attnprof.engine.result;

/**
 * How far measured times move between runs on this machine beyond what one run's forks show, as an advice's
 * intervals of times include it: a prior measured on this project's shared machine, updated with the points the
 * results database holds from two or more runs on the same machine. Ratios of two models timed side by side do not
 * drift with it; memory and FLOPs do not drift.
 *
 * @param spread the standard deviation, in log, of a run's level about the machine's (0.15: about 15%)
 * @param prior the prior's spread, which {@code spread} equals when no point was measured again
 * @param repeatedPoints how many points measured in two or more runs the estimate rests on besides the prior
 */
public record TimeDrift(double spread, double prior, int repeatedPoints) {
}
