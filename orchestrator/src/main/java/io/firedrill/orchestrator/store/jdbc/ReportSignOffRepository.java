package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** The queries on {@code report_sign_off}; compiled once per dialect (see {@link H2Repositories}). */
interface ReportSignOffRepository extends GenericRepository<ReportSignOffRow, String> {

    /** A plain INSERT: a second sign-off of one run fails on the primary key. */
    ReportSignOffRow save(ReportSignOffRow row);

    Optional<ReportSignOffRow> findById(String runId);
}
