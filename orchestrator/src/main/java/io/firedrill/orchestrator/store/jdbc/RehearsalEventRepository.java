package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The queries on {@code rehearsal_event}; compiled once per dialect (see {@link H2Repositories}). */
interface RehearsalEventRepository extends GenericRepository<RehearsalEventRow, String> {

    /** A plain INSERT: a second event of one kind on one step fails on the primary key. */
    RehearsalEventRow save(RehearsalEventRow row);

    boolean existsById(String id);

    long countByRunId(String runId);

    List<RehearsalEventRow> findByRunIdOrderBySeq(String runId);
}
