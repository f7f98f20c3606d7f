package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code rehearsal}; {@code steps} is JSON (see {@link JdbcRehearsalStore}). */
@MappedEntity(value = "rehearsal", escape = false)
record RehearsalRow(@Id String runId, String gameDay, String experiment, String runbook, String runbookVersion,
        String runbookSource, String steps, String startedBy, Instant startedAt) {}
