package io.firedrill.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault applied by hand rather than by an experiment's method: what to do and for how long.
 *
 * @param duration how long it holds before the orchestrator reverts it; empty holds it until it is reverted
 *                 by hand (the lease still reverts it if the orchestrator goes away)
 * @param lease    how long an agent keeps the fault without hearing a renewal; empty takes the default
 */
public record FaultOrder(Fault fault, FaultTarget target, Optional<Duration> duration, Optional<Duration> lease) {
    public FaultOrder {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(lease, "lease");
        if (target.fault() != fault) {
            throw new IllegalArgumentException("fault is " + fault.wireName() + " but the target is for "
                    + target.fault().wireName());
        }
    }
}
