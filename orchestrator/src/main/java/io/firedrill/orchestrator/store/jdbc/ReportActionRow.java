package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code report_action}. */
@MappedEntity(value = "report_action", escape = false)
record ReportActionRow(@Id String id, String findingId, String runId, int seq, String title, String owner,
        LocalDate due, String status, @Nullable String retest, String createdBy, Instant createdAt, Instant updatedAt) {}
