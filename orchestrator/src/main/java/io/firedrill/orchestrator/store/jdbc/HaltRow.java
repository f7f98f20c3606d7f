package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code halt}. */
@MappedEntity(value = "halt", escape = false)
record HaltRow(@Id String id, Instant haltedAt, String haltedBy, String reason, @Nullable Instant resumedAt,
        @Nullable String resumedBy) {}
