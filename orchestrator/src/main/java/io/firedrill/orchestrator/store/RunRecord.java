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
 */
public record RunRecord(String id, String experiment, String state, String verdict, Instant createdAt, Instant updatedAt,
        String cause) {}
