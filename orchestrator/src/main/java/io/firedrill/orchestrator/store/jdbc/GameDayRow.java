package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code game_day}; {@code experiments} is comma-joined. */
@MappedEntity(value = "game_day", escape = false)
record GameDayRow(@Id String name, String runbook, String experiments, String createdBy, Instant createdAt) {}
