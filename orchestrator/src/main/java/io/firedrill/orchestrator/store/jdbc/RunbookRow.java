package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code runbook}. */
@MappedEntity(value = "runbook", escape = false)
record RunbookRow(@Id String id, String title, String version, String source, String createdBy, Instant createdAt) {}
