package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An instant on the run's one timeline with how far off it may be. Every mark carries its own bound because
 * the bounds add up differently for each figure: RTO adds the bound of T0 to that of T6.
 *
 * @param nanos orchestrator monotonic nanoseconds since the run's start
 * @param wall  UTC wall time of the same instant
 * @param bound the true instant lies within {@code nanos ± bound}
 */
public record Moment(long nanos, Instant wall, Duration bound) {
    public Moment {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative()) {
            throw new IllegalArgumentException("a bound cannot be negative, got " + bound);
        }
    }

    public static Moment of(long nanos, Instant wall, long boundMicros) {
        return new Moment(nanos, wall, Duration.ofNanos(boundMicros * 1_000));
    }

    /** The time from {@code start} to this moment, with both bounds added. */
    public Measured since(Moment start) {
        return new Measured(Duration.ofNanos(nanos - start.nanos), bound.plus(start.bound));
    }
}
