package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code audit_entry}. */
@MappedEntity(value = "audit_entry", escape = false)
record AuditEntryRow(@Id long seq, Instant at, String actor, String action, String subject, String details,
        String leafHash) {}
