package io.firedrill.orchestrator.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * One fire of a schedule and what came of it.
 *
 * @param scheduledFor when the schedule said to fire (Quartz's scheduled fire time)
 * @param firedAt      when the orchestrator handled it
 * @param reason       why it was blocked or failed; for a started one, null
 * @param freezeWindow the freeze window that blocked it, else null
 * @param runId        the run it started, else null
 */
public record ScheduleFire(String id, String schedule, Instant scheduledFor, Instant firedAt, Outcome outcome,
        String reason, String freezeWindow, String runId) {

    /** What a fire did; written lower-case in the database and in JSON. */
    public enum Outcome {
        /** A run of the experiment was started. */
        STARTED,
        /** Nothing started on purpose: a freeze window, a HALT, the previous game day still in flight. */
        BLOCKED,
        /** Nothing started because something was wrong: the experiment is gone or invalid, the fire was missed. */
        FAILED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
