package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * One execution of an experiment.
 *
 * @param id         run id
 * @param experiment experiment name
 * @param state      lifecycle state (PREFLIGHT ... DONE, ABORTED)
 * @param verdict    PASS / FAIL / UNKNOWN once judged, else null
 * @param createdAt  when it was requested
 * @param updatedAt  last state change
 * @param cause      why it was aborted or could not be judged, else null
 * @param startedBy  who started it: a user's name, {@code schedule:<name>} or {@code demo}; null for runs recorded
 *                   before this was kept
 */
public record RunRecord(String id, String experiment, String state, String verdict, Instant createdAt, Instant updatedAt,
        String cause, String startedBy) {}
