package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.Step;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The regions a run takes away, held against the estate's {@code maxTargetRegions} in preflight. A region counts when
 * a step takes it away: a blackout of it, a process killed or a command run in it, or being on the isolated side of a
 * partition (the smaller side; the first when both are equal). Faults that only degrade a link (latency, lag,
 * bandwidth, ...) take nothing away and do not count: slowing replication to measure its RPO is not a second outage.
 */
final class BlastRadius {
    private BlastRadius() {}

    static Set<String> regionsTakenAway(Experiment experiment) {
        Set<String> regions = new LinkedHashSet<>();
        for (Step step : experiment.method()) {
            FaultTarget target = step.target();
            if (target instanceof FaultTarget.RegionBlackout b) {
                regions.add(b.region());
            } else if (target instanceof FaultTarget.ProcessKill k) {
                regions.add(k.region());
            } else if (target instanceof FaultTarget.Command c) {
                regions.add(c.region());
            } else if (target instanceof FaultTarget.LinkPartition p) {
                List<String> isolated = p.and().size() < p.between().size() ? p.and() : p.between();
                regions.addAll(isolated);
            }
        }
        return regions;
    }

    /** Why the run may not start, or empty when it stays within the estate's limit. */
    static Optional<String> exceeded(Experiment experiment) {
        Set<String> taken = regionsTakenAway(experiment);
        int limit = experiment.estate().maxTargetRegions();
        if (taken.size() <= limit) {
            return Optional.empty();
        }
        return Optional.of("preflight: the method takes " + taken.size() + " region(s) away (" + String.join(", ", taken)
                + ") but estate '" + experiment.estate().name() + "' allows at most " + limit
                + " (maxTargetRegions); nothing was injected");
    }
}
