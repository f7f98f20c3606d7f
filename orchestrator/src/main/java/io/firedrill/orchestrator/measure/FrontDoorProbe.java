package io.firedrill.orchestrator.measure;

import io.firedrill.model.Experiment;
import io.firedrill.model.Probe;
import io.firedrill.model.Service;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A probe whose success means users are served: steady state again (T6) is N consecutive rounds in which every
 * front-door probe succeeds. Its interval is the sampling granularity of T6, part of the RTO's error bound.
 *
 * @param name     the probe's name in the experiment
 * @param interval how often it samples
 */
public record FrontDoorProbe(String name, Duration interval) {
    public FrontDoorProbe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("probe " + name + ": interval must be positive, got " + interval);
        }
    }

    public static FrontDoorProbe of(Probe probe) {
        return new FrontDoorProbe(probe.name(), probe.interval());
    }

    /**
     * The experiment's steady-state probes that target a global service of the estate (one without a region:
     * the router, a global load balancer). A probe of a regional service or link sees one region, not what
     * users see, so it does not count. Empty when there is none; T6 then comes from the workload's writes.
     */
    public static List<FrontDoorProbe> of(Experiment experiment) {
        return experiment.steadyState().stream()
                .filter(p -> experiment.estate().service(p.target()).map(FrontDoorProbe::global).orElse(false))
                .map(FrontDoorProbe::of)
                .toList();
    }

    private static boolean global(Service service) {
        return service.region().isEmpty();
    }
}
