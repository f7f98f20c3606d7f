package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code schedule}. */
@MappedEntity(value = "schedule", escape = false)
record ScheduleRow(
        @Id String name,
        String experiment,
        @Nullable String cron,
        @Nullable Instant runAt,
        String timeZone,
        boolean paused,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {}
