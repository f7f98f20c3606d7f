package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code game_day_participant}; the id is {@code <gameDay>/<userName>}. */
@MappedEntity(value = "game_day_participant", escape = false)
record GameDayParticipantRow(@Id String id, String gameDay, int seq, String userName, String role) {}
