package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code run}. */
@MappedEntity(value = "run", escape = false)
record RunRow(
        @Id String id,
        String experiment,
        String state,
        @Nullable String verdict,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String cause,
        @Nullable String source,
        @Nullable String owner,
        @Nullable String startedBy) {}
