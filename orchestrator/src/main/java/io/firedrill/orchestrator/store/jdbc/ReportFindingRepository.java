package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code report_finding}; compiled once per dialect (see {@link H2Repositories}). */
interface ReportFindingRepository extends GenericRepository<ReportFindingRow, String> {

    ReportFindingRow save(ReportFindingRow row);

    ReportFindingRow update(ReportFindingRow row);

    Optional<ReportFindingRow> findById(String id);

    int deleteById(String id);

    long countByRunId(String runId);

    List<ReportFindingRow> findByRunIdOrderBySeq(String runId);
}
