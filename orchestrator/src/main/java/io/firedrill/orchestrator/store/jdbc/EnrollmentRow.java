package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code enrollment}: the token's SHA-256 in hex, never the token. */
@MappedEntity(value = "enrollment", escape = false)
record EnrollmentRow(@Id String region, String tokenSha256, Instant createdAt) {}
