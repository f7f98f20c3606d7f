package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code orchestrator_instance}. */
@MappedEntity(value = "orchestrator_instance", escape = false)
record InstanceRow(@Id String id, String host, Instant startedAt, Instant lastSeen, @Nullable Instant stoppedAt) {}
