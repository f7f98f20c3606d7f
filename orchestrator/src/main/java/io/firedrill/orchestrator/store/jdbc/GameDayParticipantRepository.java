package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The queries on {@code game_day_participant}; compiled once per dialect (see {@link H2Repositories}). */
interface GameDayParticipantRepository extends GenericRepository<GameDayParticipantRow, String> {

    GameDayParticipantRow save(GameDayParticipantRow row);

    List<GameDayParticipantRow> findByGameDayOrderBySeq(String gameDay);

    int deleteByGameDay(String gameDay);
}
