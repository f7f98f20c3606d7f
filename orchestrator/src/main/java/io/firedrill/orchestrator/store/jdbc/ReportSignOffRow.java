package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code report_sign_off}. */
@MappedEntity(value = "report_sign_off", escape = false)
record ReportSignOffRow(@Id String runId, String signedBy, Instant signedAt, @Nullable String note, String report,
        String sha256) {}
