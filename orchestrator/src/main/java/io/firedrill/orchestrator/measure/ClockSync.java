package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.Objects;

/**
 * How well the agents' clocks were mapped onto the orchestrator's during the run. Without a mapping no time
 * from an agent can be placed on the timeline, so every time-based verdict is UNKNOWN; with one, its largest
 * error bound is added to every figure whose times came from the agents or the workload.
 *
 * @param synced   whether every agent that reported times had an offset estimate
 * @param maxBound the largest error bound of any agent's offset during the run
 * @param note     which agent was not synced, or how the bound was obtained; for the report
 */
public record ClockSync(boolean synced, Duration maxBound, String note) {
    public ClockSync {
        Objects.requireNonNull(maxBound, "maxBound");
        Objects.requireNonNull(note, "note");
        if (maxBound.isNegative()) {
            throw new IllegalArgumentException("maxBound cannot be negative, got " + maxBound);
        }
    }

    public static ClockSync synced(Duration maxBound) {
        return new ClockSync(true, maxBound, "every agent synced; largest offset bound " + Measured.seconds(maxBound));
    }

    public static ClockSync notSynced(String why) {
        return new ClockSync(false, Duration.ZERO, why);
    }
}
