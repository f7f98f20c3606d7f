package io.firedrill.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One timed fault of an experiment's method. Steps may overlap; each is reverted when its duration
 * ends, and every fault is reverted on abort or halt.
 *
 * @param after    offset from the start of the method (the end of the steady-state check)
 * @param duration how long the fault holds; zero for instantaneous faults such as process-kill
 */
public record Step(String name, Fault fault, FaultTarget target, Duration after, Duration duration) {
    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(duration, "duration");
        if (target.fault() != fault) {
            throw new IllegalArgumentException(
                    "step '" + name + "' is " + fault.wireName() + " but its target is for " + target.fault().wireName());
        }
    }

    /** The offset at which the fault is reverted. */
    public Duration end() {
        return after.plus(duration);
    }
}
