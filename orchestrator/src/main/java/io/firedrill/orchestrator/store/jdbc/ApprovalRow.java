package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code approval}. */
@MappedEntity(value = "approval", escape = false)
record ApprovalRow(@Id String id, String experiment, String estate, String requestedBy, Instant requestedAt,
        String reason, Instant expiresAt, String state, @Nullable String decidedBy, @Nullable Instant decidedAt,
        @Nullable String note, @Nullable String runId) {

    ApprovalRow with(String newState, String by, Instant at, String newNote, String run) {
        return new ApprovalRow(id, experiment, estate, requestedBy, requestedAt, reason, expiresAt, newState, by, at,
                newNote, run);
    }
}
