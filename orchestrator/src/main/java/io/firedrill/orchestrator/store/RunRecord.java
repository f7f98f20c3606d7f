package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * One execution of an experiment. The run engine fills these; until then the table stays empty.
 *
 * @param id         run id
 * @param experiment experiment name
 * @param state      lifecycle state (PREFLIGHT ... DONE, ABORTED)
 * @param verdict    PASS / FAIL / UNKNOWN once judged, else null
 * @param createdAt  when it was requested
 * @param updatedAt  last state change
 */
public record RunRecord(String id, String experiment, String state, String verdict, Instant createdAt, Instant updatedAt) {}
