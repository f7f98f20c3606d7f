package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code agent}; capabilities comma-joined, status by enum name. */
@MappedEntity(value = "agent", escape = false)
record AgentRow(
        @Id String region,
        @Nullable String agentId,
        @Nullable String version,
        String capabilities,
        String status,
        @Nullable String statusReason,
        @Nullable String remoteAddress,
        @Nullable Instant connectedAt,
        @Nullable Instant lastHeartbeat,
        @Nullable Long clockOffsetMicros,
        @Nullable Long clockErrorMicros) {}
