package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code runbook}; compiled once per dialect (see {@link H2Repositories}). */
interface RunbookRepository extends GenericRepository<RunbookRow, String> {

    /** A plain INSERT: a taken id fails on the primary key. */
    RunbookRow save(RunbookRow row);

    Optional<RunbookRow> findById(String id);

    List<RunbookRow> listOrderById();

    int deleteById(String id);
}
