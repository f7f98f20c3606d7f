package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code schedule_fire}; outcome lower-case. */
@MappedEntity(value = "schedule_fire", escape = false)
record ScheduleFireRow(
        @Id String id,
        String schedule,
        Instant scheduledFor,
        Instant firedAt,
        String outcome,
        @Nullable String reason,
        @Nullable String freezeWindow,
        @Nullable String runId) {}
