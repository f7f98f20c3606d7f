package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code app_user}. */
@MappedEntity(value = "app_user", escape = false)
record UserRow(@Id String name, String role, Instant createdAt, String createdBy) {}
