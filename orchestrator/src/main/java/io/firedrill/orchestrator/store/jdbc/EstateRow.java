package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code estate}. Unescaped names: H2 and PostgreSQL then fold them the same way. */
@MappedEntity(value = "estate", escape = false)
record EstateRow(@Id String name, String format, String source, Instant createdAt, Instant updatedAt) {}
