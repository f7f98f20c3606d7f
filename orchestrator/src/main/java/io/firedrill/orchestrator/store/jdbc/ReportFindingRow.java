package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code report_finding}. */
@MappedEntity(value = "report_finding", escape = false)
record ReportFindingRow(@Id String id, String runId, int seq, String title, String severity, String description,
        String createdBy, Instant createdAt, Instant updatedAt) {}
