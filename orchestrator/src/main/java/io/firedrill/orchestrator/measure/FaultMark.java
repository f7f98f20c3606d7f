package io.firedrill.orchestrator.measure;

import java.util.Objects;
import java.util.Optional;

/**
 * A fault's life on the orchestrator's timeline: when it was in effect (the agents' acknowledgement, mapped
 * onto the orchestrator clock; the clock start T0 when this is the run's clock-start fault) and when it was
 * reverted.
 *
 * @param fault    the fault's name: the method step that injected it
 * @param kind     the fault kind, e.g. {@code region-blackout}
 * @param target   what it acted on: a region, a link, or a list of them as text
 * @param inEffect when the last agent involved acknowledged it in effect, with that mapping's error bound
 * @param reverted when it was reverted, if it was
 */
public record FaultMark(String fault, String kind, String target, Moment inEffect, Optional<Moment> reverted) {
    public FaultMark {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(inEffect, "inEffect");
        Objects.requireNonNull(reverted, "reverted");
    }

    /** The error bound of {@link #inEffect()}, in microseconds. */
    public long boundMicros() {
        return inEffect.bound().toNanos() / 1_000;
    }
}
