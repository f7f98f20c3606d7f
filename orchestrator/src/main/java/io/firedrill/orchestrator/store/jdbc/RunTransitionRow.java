package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code run_transition}; the id is {@code <runId>/<seq>}. */
@MappedEntity(value = "run_transition", escape = false)
record RunTransitionRow(@Id String id, String runId, int seq, String state, Instant at, @Nullable String detail) {}
