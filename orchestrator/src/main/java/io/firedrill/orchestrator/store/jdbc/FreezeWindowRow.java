package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code freeze_window}; kind by enum name, holidays comma-joined ISO dates. */
@MappedEntity(value = "freeze_window", escape = false)
record FreezeWindowRow(
        @Id String name,
        String kind,
        String timeZone,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String weekly,
        @Nullable String holidays,
        String reason,
        String createdBy,
        Instant createdAt) {}
