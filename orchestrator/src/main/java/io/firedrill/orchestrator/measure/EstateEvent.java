package io.firedrill.orchestrator.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the estate itself reported, such as the router's {@code region-down}: the only evidence for the
 * detect, decide and promote marks (T1, T2, T3), which no client can observe from outside.
 *
 * @param type        the estate's event name, e.g. {@value #REGION_DOWN}
 * @param region      the region it concerns, or {@code null}
 * @param nanos       orchestrator monotonic nanoseconds since the run's start
 * @param wall        UTC wall time of the same instant
 * @param boundMicros the error bound of mapping the reporter's clock onto the orchestrator's
 * @param detail      the reporter's own sentence, or {@code null}
 */
public record EstateEvent(String type, String region, long nanos, Instant wall, long boundMicros, String detail) {
    /** The router marked a region down: detection, T1. */
    public static final String REGION_DOWN = "region-down";
    /** Failover was decided, automatically or by an operator: T2. */
    public static final String FAILOVER_DECIDED = "failover-decided";
    /** The new primary accepted its promotion: T3. */
    public static final String PROMOTION_DONE = "promotion-done";

    public EstateEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wall, "wall");
        if (boundMicros < 0) {
            throw new IllegalArgumentException("estate event " + type + ": boundMicros must be >= 0, got "
                    + boundMicros);
        }
    }
}
