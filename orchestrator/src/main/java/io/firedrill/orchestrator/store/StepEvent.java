package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;

/**
 * Something a participant did to a runbook step during a run, or the outcome of the step's http action.
 *
 * @param seq      order within the run, from 1; 0 on one not stored yet
 * @param role     the game-day role the actor acted in
 * @param at       orchestrator time (UTC)
 * @param runNanos the same instant on the run's own timeline (nanoseconds since the run began), as its artefacts
 * @param note     what the person wrote; null for none
 * @param action   for {@link Kind#ACTION} only: what the request got
 */
public record StepEvent(String runId, int seq, String step, Kind kind, String actor, String role, Instant at,
        long runNanos, String note, List<Evidence> evidence, ActionOutcome action) {

    public StepEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** What happened to the step. */
    public enum Kind {
        START, COMPLETE, SKIP, ACTION;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Something kept as evidence of a step.
     *
     * @param kind a runbook evidence kind: {@code note}, {@code link}, {@code screenshot}, {@code log},
     *             {@code command-output}
     */
    public record Evidence(String kind, String value) {}

    /**
     * What an http action got.
     *
     * @param status the HTTP status; null when no answer came
     * @param detail the request and the start of the answer, or why there was none
     */
    public record ActionOutcome(boolean ok, Integer status, long millis, String detail) {}
}
