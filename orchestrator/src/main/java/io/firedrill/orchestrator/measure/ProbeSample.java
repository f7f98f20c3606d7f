package io.firedrill.orchestrator.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * One probe attempt, already mapped onto the orchestrator's timeline. Steady state again (T6) is read from the
 * samples of the front-door probes, so each sample carries the error of its own clock mapping.
 *
 * @param probe         the probe's name in the experiment
 * @param region        the region whose agent ran it
 * @param target        what it observed: a service or a link
 * @param nanos         when the attempt started, orchestrator monotonic nanoseconds since the run's start
 * @param wall          UTC wall time of the same instant
 * @param ok            whether the attempt met the probe's expectation within its timeout
 * @param latencyMicros how long the attempt took
 * @param boundMicros   the error bound of the agent's clock mapping when the sample was taken
 * @param detail        status code, error text; or {@code null}
 */
public record ProbeSample(String probe, String region, String target, long nanos, Instant wall, boolean ok,
        long latencyMicros, long boundMicros, String detail) {
    public ProbeSample {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(wall, "wall");
        if (boundMicros < 0 || latencyMicros < 0) {
            throw new IllegalArgumentException("probe " + probe + ": latencyMicros and boundMicros must be >= 0, got "
                    + latencyMicros + " and " + boundMicros);
        }
    }
}
