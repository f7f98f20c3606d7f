package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code report_action}; compiled once per dialect (see {@link H2Repositories}). */
interface ReportActionRepository extends GenericRepository<ReportActionRow, String> {

    ReportActionRow save(ReportActionRow row);

    ReportActionRow update(ReportActionRow row);

    Optional<ReportActionRow> findById(String id);

    int deleteByFindingId(String findingId);

    long countByRunId(String runId);

    List<ReportActionRow> findByRunIdOrderBySeq(String runId);
}
