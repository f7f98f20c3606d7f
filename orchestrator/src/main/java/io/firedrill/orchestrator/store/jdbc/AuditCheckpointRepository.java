package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The queries on {@code audit_checkpoint}; compiled once per dialect (see {@link H2Repositories}). */
interface AuditCheckpointRepository extends GenericRepository<AuditCheckpointRow, Long> {

    AuditCheckpointRow save(AuditCheckpointRow row);

    List<AuditCheckpointRow> listOrderBySeq();

    List<AuditCheckpointRow> list(Pageable pageable);
}
