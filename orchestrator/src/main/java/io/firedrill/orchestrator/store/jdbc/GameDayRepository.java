package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code game_day}; compiled once per dialect (see {@link H2Repositories}). */
interface GameDayRepository extends GenericRepository<GameDayRow, String> {

    /** A plain INSERT: a taken name fails on the primary key. */
    GameDayRow save(GameDayRow row);

    Optional<GameDayRow> findByName(String name);

    boolean existsByName(String name);

    List<GameDayRow> listOrderByName();

    List<GameDayRow> findByRunbookOrderByName(String runbook);

    int deleteByName(String name);
}
