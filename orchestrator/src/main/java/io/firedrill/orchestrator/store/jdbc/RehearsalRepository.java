package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code rehearsal}; compiled once per dialect (see {@link H2Repositories}). */
interface RehearsalRepository extends GenericRepository<RehearsalRow, String> {

    /** A plain INSERT: a run linked twice fails on the primary key. */
    RehearsalRow save(RehearsalRow row);

    Optional<RehearsalRow> findByRunId(String runId);

    List<RehearsalRow> findByGameDayOrderByStartedAt(String gameDay);
}
