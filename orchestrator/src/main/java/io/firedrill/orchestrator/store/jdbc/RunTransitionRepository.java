package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The queries on {@code run_transition}; compiled once per dialect (see {@link H2Repositories}). */
interface RunTransitionRepository extends GenericRepository<RunTransitionRow, String> {

    RunTransitionRow save(RunTransitionRow row);

    List<RunTransitionRow> findByRunIdOrderBySeq(String runId);
}
