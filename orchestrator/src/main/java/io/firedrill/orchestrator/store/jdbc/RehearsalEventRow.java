package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code rehearsal_event}; the id is {@code <runId>/<step>/<kind>}, so each kind happens once a step. */
@MappedEntity(value = "rehearsal_event", escape = false)
record RehearsalEventRow(@Id String id, String runId, int seq, String step, String kind, String actor, String role,
        Instant at, long runNanos, @Nullable String note, @Nullable String evidence, @Nullable Boolean actionOk,
        @Nullable Integer actionStatus, @Nullable Long actionMillis, @Nullable String actionDetail) {}
