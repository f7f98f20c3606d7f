package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code audit_checkpoint}. */
@MappedEntity(value = "audit_checkpoint", escape = false)
record AuditCheckpointRow(@Id long seq, long treeSize, String rootHash, Instant at, String keyId, String signature) {}
