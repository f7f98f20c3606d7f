package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code experiment}. Unescaped names: H2 and PostgreSQL then fold them the same way. */
@MappedEntity(value = "experiment", escape = false)
record ExperimentRow(
        @Id String name,
        @Nullable String title,
        String format,
        String source,
        Instant createdAt,
        Instant updatedAt) {}
