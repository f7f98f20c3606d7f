package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code api_token}: the token's SHA-256 in hex, never the token. */
@MappedEntity(value = "api_token", escape = false)
record TokenRow(@Id String id, String userName, String tokenSha256, Instant createdAt, @Nullable Instant revokedAt) {}
